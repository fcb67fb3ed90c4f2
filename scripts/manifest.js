'use strict';
/**
 * The add-in manifest: offline validation against Microsoft's XSD (xmllint compiled to WebAssembly, no network), and
 * the deployment rewrite the build applies (base URL, <Version>). Plain Node so scripts, webpack and tests share it.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const SOURCE_MANIFEST = path.join(REPO, 'manifest.xml');
/** The URL the source manifest points at; the build replaces it with ADDIN_BASE_URL. */
const DEV_BASE_URL = 'https://localhost:3000';
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Where the schemas live: NIANBAO_MANIFEST_SCHEMAS, else ../shared/schemas/office-manifest beside the repo. */
function schemaDir() {
  return process.env.NIANBAO_MANIFEST_SCHEMAS || path.resolve(REPO, '..', 'shared', 'schemas', 'office-manifest');
}

/**
 * Validate manifest text. Resolves { valid, errors: string[] }; rejects only when the schemas cannot be read.
 * Errors are xmllint's own lines (element names, line numbers), which is what a developer needs to fix them.
 */
async function validateManifest(xml, options = {}) {
  const dir = options.schemaDir || schemaDir();
  if (!fs.existsSync(path.join(dir, MAIN_SCHEMA))) {
    throw new Error(`找不到加载项清单的 XSD 架构：${path.join(dir, MAIN_SCHEMA)}（可用环境变量 NIANBAO_MANIFEST_SCHEMAS 指定目录）`);
  }
  const { validateXML } = require('xmllint-wasm');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xsd'));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: options.fileName || 'manifest.xml', contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** A semantic base version from package.json plus a build number: Office reloads an add-in when <Version> changes. */
function manifestVersion(pkgVersion, buildNumber) {
  const parts = String(pkgVersion).split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 99999)) {
    throw new Error(`package.json 的版本号无法用于清单：${pkgVersion}`);
  }
  if (!Number.isInteger(buildNumber) || buildNumber < 0 || buildNumber > 99999) {
    throw new Error(`清单构建号必须是 0–99999 的整数：${buildNumber}`);
  }
  return `${parts.join('.')}.${buildNumber}`;
}

/**
 * The build number: MANIFEST_BUILD when set (release pipelines), otherwise hours since 2024-01-01 UTC, so every
 * build from a later hour carries a higher <Version> (fits the schema's five digits until 2035).
 */
function buildNumber(env = process.env, now = Date.now()) {
  if (env.MANIFEST_BUILD !== undefined && env.MANIFEST_BUILD !== '') {
    const n = Number(env.MANIFEST_BUILD);
    if (!Number.isInteger(n)) throw new Error(`MANIFEST_BUILD 必须是整数，收到「${env.MANIFEST_BUILD}」`);
    return n;
  }
  return Math.floor((now - Date.UTC(2024, 0, 1)) / 3600000);
}

/** Normalise a base URL: https (or http://localhost for development), no trailing slash. */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址：「${raw}」`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new Error(`ADDIN_BASE_URL 必须使用 https（Office 只从 https 加载加载项），收到「${raw}」`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The manifest as deployed: every development URL replaced by baseUrl, and <Version> set. */
function renderManifest(source, { baseUrl, version }) {
  const base = normaliseBaseUrl(baseUrl);
  if (!/<Version>[^<]*<\/Version>/.test(source)) throw new Error('清单中没有 <Version> 元素');
  return source
    .split(DEV_BASE_URL)
    .join(base)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

module.exports = {
  SOURCE_MANIFEST,
  DEV_BASE_URL,
  schemaDir,
  validateManifest,
  manifestVersion,
  buildNumber,
  normaliseBaseUrl,
  renderManifest,
};
