'use strict';
/**
 * The project's own checks of the add-in manifest, needing nothing outside the repo. They run on every validation,
 * with or without Microsoft's XSD (scripts/manifest.js), and check what the schema cannot: that the manifest is the
 * one this add-in needs.
 *   - requirement set: Excel (Host Workbook) with ExcelApi 1.8, the lowest version the pane needs;
 *   - ids: <Id> a GUID, <Version> n.n.n.n (up to five digits each), resource ids unique, every resid defined;
 *   - URLs: every URL on one origin (the origin of <SourceLocation>), https (http only on localhost, for `npm start
 *     --http`, which Excel will not load);
 *   - icons: every icon URL names a PNG under the served root whose real pixel size is the size the manifest gives
 *     (IconUrl 32, HighResolutionIconUrl 64, <bt:Image size="N">);
 *   - a zh-CN display name, description and button label;
 *   - the ribbon button: on the Home tab of Excel's desktop form factor, a Button that shows the task pane at a
 *     defined URL.
 * Errors are Chinese sentences naming the element. Plain Node (shared by webpack, npm scripts and tests).
 */
const fs = require('node:fs');
const path = require('node:path');
const { DOMParser } = require('@xmldom/xmldom');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const REQUIRED_SET = { name: 'ExcelApi', version: '1.8' };
const GUID = /^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const CJK = /[\u4e00-\u9fff]/;
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/** Elements by local name in a namespace, anywhere below `node`. */
const all = (node, ns, name) => Array.from(node.getElementsByTagNameNS(ns, name));
const children = (node, ns, name) => Array.from(node.childNodes).filter((c) => c.nodeType === 1 && c.namespaceURI === ns && c.localName === name);
const child = (node, ns, name) => children(node, ns, name)[0] ?? null;
const xsiType = (el) => el.getAttributeNS(NS.xsi, 'type');
const text = (el) => (el ? el.textContent.trim() : '');

/** The pixel size of a PNG file (IHDR), or null when it is not a PNG. */
function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.readUInt32BE(0) !== 0x89504e47 || head.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function parse(xml) {
  const problems = [];
  const onError = (level, message) => {
    if (level !== 'warning') problems.push(String(message).split('\n')[0]);
  };
  let doc;
  try {
    doc = new DOMParser({ onError }).parseFromString(xml, 'text/xml');
  } catch (e) {
    problems.push(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  return { doc, problems };
}

/**
 * Check manifest text. `root` is the folder the add-in is served from (the repo for manifest.xml, whose assets/ the
 * build copies; dist/ for a built manifest): icon URLs are resolved against it.
 * Returns { errors: string[] }; no errors means every check passed.
 */
function checkManifestStructure(xml, { root }) {
  const errors = [];
  const { doc, problems } = parse(xml);
  if (problems.length > 0 || !doc || !doc.documentElement) {
    return { errors: [`清单不是格式正确的 XML：${problems.join('；') || '无法解析'}`] };
  }
  const app = doc.documentElement;
  if (app.namespaceURI !== NS.app || app.localName !== 'OfficeApp' || xsiType(app) !== 'TaskPaneApp') {
    return { errors: [`根元素应为任务窗格加载项 <OfficeApp xsi:type="TaskPaneApp">（命名空间 ${NS.app}），实际是 <${app.tagName}>`] };
  }

  // Ids and version.
  const id = text(child(app, NS.app, 'Id'));
  if (!GUID.test(id)) errors.push(`<Id> 应为 GUID（如 7e4f1853-74a4-42a7-bcb1-9defdeefa707），实际是“${id}”`);
  const version = text(child(app, NS.app, 'Version'));
  if (!VERSION.test(version)) errors.push(`<Version> 应为 1 到 4 段、每段不超过 5 位的数字（如 1.0.0.0），实际是“${version}”`);

  // Requirement set and host.
  const hostList = child(app, NS.app, 'Hosts');
  const hosts = hostList ? children(hostList, NS.app, 'Host').map((h) => h.getAttribute('Name')) : [];
  if (!hosts.includes('Workbook')) errors.push(`<Hosts> 中应有 <Host Name="Workbook"/>（Excel），实际是 ${hosts.length ? hosts.join('、') : '没有宿主'}`);
  const requirements = child(app, NS.app, 'Requirements');
  const sets = requirements ? all(requirements, NS.app, 'Set') : [];
  const excel = sets.find((s) => s.getAttribute('Name') === REQUIRED_SET.name);
  const setsParent = excel ? excel.parentNode : null;
  const minVersion = excel ? excel.getAttribute('MinVersion') || (setsParent && setsParent.getAttribute('DefaultMinVersion')) : null;
  if (!excel) errors.push(`<Requirements> 中应要求 <Set Name="${REQUIRED_SET.name}" MinVersion="${REQUIRED_SET.version}"/>，实际没有`);
  else if (minVersion !== REQUIRED_SET.version) errors.push(`要求集 ${REQUIRED_SET.name} 的最低版本应为 ${REQUIRED_SET.version}（任务窗格需要的最低版本），实际是 ${minVersion || '未写明'}`);

  // Resources: unique ids, every resid defined.
  const resources = new Map();
  for (const kind of ['Image', 'Url', 'String']) {
    for (const el of all(app, NS.bt, kind)) {
      const rid = el.getAttribute('id');
      if (!rid) continue; // <bt:Image size resid> inside <Icon> refers, it does not define
      if (resources.has(rid)) errors.push(`资源 id“${rid}”重复定义`);
      resources.set(rid, { kind, el });
    }
  }
  for (const el of Array.from(app.getElementsByTagName('*'))) {
    const ref = el.getAttribute('resid');
    if (ref && !resources.has(ref)) errors.push(`<${el.tagName}> 引用的资源“${ref}”没有定义`);
  }
  const controlIds = all(app, NS.ov, 'Group').concat(all(app, NS.ov, 'Control')).map((el) => el.getAttribute('id'));
  for (const dup of controlIds.filter((x, i) => x && controlIds.indexOf(x) !== i)) errors.push(`功能区控件 id“${dup}”重复`);

  // URLs: one origin, https.
  const settings = child(app, NS.app, 'DefaultSettings');
  const sourceEl = settings ? child(settings, NS.app, 'SourceLocation') : null;
  const source = sourceEl ? sourceEl.getAttribute('DefaultValue') || '' : '';
  const urls = [];
  const addUrl = (where, value) => urls.push({ where, value: value || '' });
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(app, NS.app, name);
    if (el) addUrl(`<${name}>`, el.getAttribute('DefaultValue'));
  }
  addUrl('<SourceLocation>', source);
  for (const el of all(app, NS.app, 'AppDomain')) addUrl('<AppDomain>', text(el));
  for (const [rid, { kind, el }] of resources) if (kind !== 'String') addUrl(`<bt:${kind} id="${rid}">`, el.getAttribute('DefaultValue'));
  let base = null;
  try {
    base = new URL('.', source);
  } catch {
    errors.push(`<SourceLocation> 不是有效的网址：“${source}”`);
  }
  for (const { where, value } of urls) {
    let url;
    try {
      url = new URL(value);
    } catch {
      errors.push(`${where} 不是有效的网址：“${value}”`);
      continue;
    }
    const local = LOCAL_HOSTS.includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) errors.push(`${where} 必须使用 https（Office 只从 https 加载加载项）：“${value}”`);
    if (base && url.origin !== base.origin) errors.push(`${where} 不在加载项所在的来源 ${base.origin} 上：“${value}”`);
  }

  // Icons: the PNG behind each icon URL has the size the manifest gives it.
  const icons = [];
  const iconUrl = (name, size) => {
    const el = child(app, NS.app, name);
    if (el) icons.push({ where: `<${name}>`, value: el.getAttribute('DefaultValue') || '', size });
  };
  iconUrl('IconUrl', 32);
  iconUrl('HighResolutionIconUrl', 64);
  for (const img of all(app, NS.bt, 'Image').filter((el) => el.getAttribute('resid'))) {
    const res = resources.get(img.getAttribute('resid'));
    if (res) icons.push({ where: `<bt:Image size="${img.getAttribute('size')}" resid="${img.getAttribute('resid')}">`, value: res.el.getAttribute('DefaultValue') || '', size: Number(img.getAttribute('size')) });
  }
  const seen = new Set();
  for (const icon of icons) {
    const key = `${icon.value}@${icon.size}`;
    if (seen.has(key) || !base) continue;
    seen.add(key);
    let relative;
    try {
      const url = new URL(icon.value);
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue; // reported above
      relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
    } catch {
      continue; // reported above
    }
    const file = path.join(root, relative);
    if (!path.resolve(file).startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file)) {
      errors.push(`${icon.where} 的图标文件不存在：${relative}（在 ${root} 下查找）`);
      continue;
    }
    const size = pngSize(file);
    if (!size) errors.push(`${icon.where} 的图标文件不是 PNG：${relative}`);
    else if (size.width !== icon.size || size.height !== icon.size) {
      errors.push(`${icon.where} 应为 ${icon.size}×${icon.size} 像素，文件 ${relative} 实际是 ${size.width}×${size.height}`);
    }
  }

  // Chinese names.
  const zhOverride = (el) => (el ? children(el, el.namespaceURI, 'Override').find((o) => o.getAttribute('Locale') === 'zh-CN') : null);
  const zh = (el, what) => {
    const o = zhOverride(el);
    if (!o || !CJK.test(o.getAttribute('Value') || '')) errors.push(`${what}缺少中文（<Override Locale="zh-CN" Value="…"/>）`);
  };
  zh(child(app, NS.app, 'DisplayName'), '显示名称 <DisplayName> ');
  zh(child(app, NS.app, 'Description'), '说明 <Description> ');

  // The ribbon button.
  const buttons = all(app, NS.ov, 'ExtensionPoint')
    .filter((ep) => xsiType(ep) === 'PrimaryCommandSurface' && ep.parentNode && ep.parentNode.localName === 'DesktopFormFactor')
    .flatMap((ep) => all(ep, NS.ov, 'OfficeTab').filter((tab) => tab.getAttribute('id') === 'TabHome'))
    .flatMap((tab) => all(tab, NS.ov, 'Control').filter((c) => xsiType(c) === 'Button'));
  const opensPane = buttons.find((b) => {
    const action = child(b, NS.ov, 'Action');
    const loc = action && xsiType(action) === 'ShowTaskpane' ? child(action, NS.ov, 'SourceLocation') : null;
    const res = loc ? resources.get(loc.getAttribute('resid')) : null;
    return res && res.kind === 'Url';
  });
  if (!opensPane) {
    errors.push('功能区缺少打开任务窗格的按钮：应在 DesktopFormFactor 的 PrimaryCommandSurface、“开始”选项卡（TabHome）中有 <Control xsi:type="Button">，其 <Action xsi:type="ShowTaskpane"> 的 <SourceLocation> 指向已定义的网址');
  } else {
    const label = child(opensPane, NS.ov, 'Label');
    const res = label ? resources.get(label.getAttribute('resid')) : null;
    if (!res || res.kind !== 'String') errors.push(`功能区按钮“${opensPane.getAttribute('id')}”没有定义文字标签`);
    else zh(res.el, `功能区按钮“${opensPane.getAttribute('id')}”的标签 `);
  }
  return { errors };
}

module.exports = { checkManifestStructure, pngSize, REQUIRED_SET };
