/**
 * The add-in manifest: the project's own structural checks (always), Microsoft's XSD (xmllint in WebAssembly, where
 * the schema files are found beside the repo), and the deployment rewrite the build applies. Broken manifests must
 * fail each check, or the validation proves nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  REPO,
  SOURCE_MANIFEST,
  buildNumber,
  checkManifestStructure,
  findSchemas,
  manifestVersion,
  normaliseBaseUrl,
  renderManifest,
  schemaDir,
  schemaSkippedMessage,
  validateManifest,
  validateManifestSchema,
} from '../../scripts/manifest';
import { describeWithCorpus } from '../helpers/corpus';

const SOURCE = readFileSync(SOURCE_MANIFEST, 'utf8');
const NO_SCHEMAS = { dir: '/nonexistent/schemas', found: false, explicit: false };

/** A PNG of the given size (one grey pixel row repeated), for icons of the wrong size. */
function png(width: number, height: number): Buffer {
  const crc = (buf: Buffer): number => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y += 1) raw[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('manifest.xml: the project\'s structural checks', () => {
  test('pass on manifest.xml with its icons in assets/', () => {
    expect(checkManifestStructure(SOURCE, { root: REPO }).errors).toEqual([]);
  });

  const breakers: Array<[string, (xml: string) => string, RegExp]> = [
    ['ExcelApi 1.7 instead of 1.8', (xml) => xml.replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>'), /ExcelApi 的最低版本应为 1\.8.*1\.7/],
    ['no ExcelApi requirement', (xml) => xml.replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="WordApi" MinVersion="1.8"/>'), /应要求 <Set Name="ExcelApi" MinVersion="1\.8"\/>/],
    ['a host other than Excel', (xml) => xml.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /<Host Name="Workbook"\/>/],
    ['an Id that is not a GUID', (xml) => xml.replace(/<Id>[^<]*<\/Id>/, '<Id>nianbao-assistant</Id>'), /<Id> 应为 GUID.*nianbao-assistant/],
    ['a Version of six digits', (xml) => xml.replace(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.123456</Version>'), /<Version>.*1\.0\.0\.123456/],
    ['a resource id defined twice', (xml) => xml.replace('<bt:Image id="Icon.80"', '<bt:Image id="Icon.32"'), /资源 id“Icon\.32”重复定义/],
    ['a resid that is not defined', (xml) => xml.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), /“Group\.Missing”没有定义/],
    ['a URL on another origin', (xml) => xml.replace('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="https://example.com/help"/>'), /<SupportUrl> 不在加载项所在的来源 https:\/\/localhost:3000 上/],
    ['an http URL off localhost', (xml) => xml.split('https://localhost:3000').join('http://addins.example.gov.cn'), /必须使用 https/],
    ['an icon URL with no file', (xml) => xml.replace('assets/icon-80.png', 'assets/icon-81.png'), /图标文件不存在：assets\/icon-81\.png/],
    ['an icon of the wrong size', (xml) => xml.replace('<bt:Image id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), /<bt:Image size="80" resid="Icon\.80"> 应为 80×80 像素，文件 assets\/icon-64\.png 实际是 64×64/],
    ['IconUrl pointing at the 64-pixel icon', (xml) => xml.replace('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>'), /<IconUrl> 应为 32×32 像素/],
    ['no zh-CN display name', (xml) => xml.replace('<Override Locale="zh-CN" Value="年报助手"/>', ''), /显示名称 <DisplayName> 缺少中文/],
    ['a zh-CN display name that is not Chinese', (xml) => xml.replace('<Override Locale="zh-CN" Value="年报助手"/>', '<Override Locale="zh-CN" Value="Nianbao"/>'), /显示名称 <DisplayName> 缺少中文/],
    ['no zh-CN button label', (xml) => xml.replace('<bt:Override Locale="zh-CN" Value="年报助手"/>', ''), /功能区按钮“Nianbao\.OpenPane”的标签 缺少中文/],
    ['no ribbon button', (xml) => xml.replace('<Control xsi:type="Button" id="Nianbao.OpenPane">', '<Control xsi:type="Menu" id="Nianbao.OpenPane">'), /功能区缺少打开任务窗格的按钮/],
    ['the button on another tab', (xml) => xml.replace('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), /功能区缺少打开任务窗格的按钮/],
    ['the button running a function instead of opening the pane', (xml) => xml.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">'), /功能区缺少打开任务窗格的按钮/],
    ['not a task pane add-in', (xml) => xml.replace('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), /TaskPaneApp/],
    ['not well-formed', (xml) => xml.replace('</OfficeApp>', ''), /格式正确的 XML/],
  ];

  test.each(breakers)('fail on %s', (_name, breakIt, message) => {
    const xml = breakIt(SOURCE);
    expect(xml).not.toBe(SOURCE);
    const { errors } = checkManifestStructure(xml, { root: REPO });
    expect(errors.join('\n')).toMatch(message);
  });

  test('icons are checked at their real pixel size in the served folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-icons-'));
    mkdirSync(join(root, 'assets'));
    for (const size of [16, 32, 64]) copyFileSync(join(REPO, 'assets', `icon-${size}.png`), join(root, 'assets', `icon-${size}.png`));
    writeFileSync(join(root, 'assets', 'icon-80.png'), png(79, 80));
    expect(checkManifestStructure(SOURCE, { root }).errors).toEqual([expect.stringContaining('应为 80×80 像素，文件 assets/icon-80.png 实际是 79×80')]);
    writeFileSync(join(root, 'assets', 'icon-80.png'), png(80, 80));
    expect(checkManifestStructure(SOURCE, { root }).errors).toEqual([]);
    writeFileSync(join(root, 'assets', 'icon-80.png'), 'GIF89a not a png at all');
    expect(checkManifestStructure(SOURCE, { root }).errors).toEqual([expect.stringContaining('不是 PNG：assets/icon-80.png')]);
  });

  test('without the schemas: valid on the structural checks alone, and the skip message says how to enable them', async () => {
    const result = await validateManifest(SOURCE, { schemas: NO_SCHEMAS });
    expect(result).toMatchObject({ valid: true, schemaChecked: false, errors: [] });
    const broken = await validateManifest(SOURCE.replace('MinVersion="1.8"/>', 'MinVersion="1.1"/>'), { schemas: NO_SCHEMAS });
    expect(broken.valid).toBe(false);
    expect(broken.structureErrors).toHaveLength(1);
    expect(schemaSkippedMessage('/x')).toMatch(/已跳过架构校验.*NIANBAO_MANIFEST_SCHEMAS/);
  });

  test('schema folder: NIANBAO_MANIFEST_SCHEMAS wins and is explicit; a named folder without them is an error', async () => {
    expect(findSchemas({ NIANBAO_MANIFEST_SCHEMAS: '/nonexistent/xsd' })).toEqual({ dir: '/nonexistent/xsd', found: false, explicit: true });
    expect(findSchemas({}).explicit).toBe(false);
    expect(findSchemas({}).dir).toBe(join(REPO, '..', 'shared', 'schemas', 'office-manifest'));
    await expect(validateManifest(SOURCE, { schemas: { dir: '/nonexistent/xsd', found: false, explicit: true } })).rejects.toThrow(/NIANBAO_MANIFEST_SCHEMAS/);
  });
});

describeWithCorpus('manifest.xml against Microsoft\'s XSD', [join(schemaDir(), 'OfficeAppManifestV1_1.xsd')], () => {
  test('validates against OfficeAppManifestV1_1.xsd, and validateManifest runs both layers', async () => {
    const result = await validateManifestSchema(SOURCE);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(await validateManifest(SOURCE)).toMatchObject({ valid: true, schemaChecked: true });
  });

  const broken: Array<[string, (xml: string) => string, RegExp]> = [
    [
      'Requirements before Hosts (wrong element order)',
      (xml) => {
        const req = xml.match(/\s*<Requirements>[\s\S]*?<\/Requirements>/)?.[0] ?? '';
        return xml.replace(req, '').replace('  <Hosts>\n    <Host Name="Workbook"/>', `${req}\n  <Hosts>\n    <Host Name="Workbook"/>`);
      },
      /Requirements|Hosts/,
    ],
    ['no Id', (xml) => xml.replace(/<Id>[^<]*<\/Id>/, ''), /Version|Id/],
    ['a Version the schema forbids', (xml) => xml.replace(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.123456</Version>'), /Version/],
    ['an unknown element', (xml) => xml.replace('<Permissions>', '<Perms/><Permissions>'), /Perms/],
    ['not well-formed', (xml) => xml.replace('</OfficeApp>', ''), /./],
  ];
  test.each(broken)('fails on %s', async (_name, breakIt, mentions) => {
    const xml = breakIt(SOURCE);
    expect(xml).not.toBe(SOURCE);
    const result = await validateManifestSchema(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(mentions);
  });

  test('the deployment rewrite still validates', async () => {
    const xml = renderManifest(SOURCE, { baseUrl: 'https://addins.example.gov.cn/nianbao/', version: '0.1.0.42' });
    expect((await validateManifestSchema(xml)).valid).toBe(true);
  });
});

describe('deployment rewrite', () => {
  test('every development URL points at the deployment, Version is set, and the result still passes the structural checks', () => {
    const xml = renderManifest(SOURCE, { baseUrl: 'https://addins.example.gov.cn/nianbao/', version: '0.1.0.42' });
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/nianbao/taskpane.html"/>');
    expect(xml).toContain('<Version>0.1.0.42</Version>');
    expect(checkManifestStructure(xml, { root: REPO }).errors).toEqual([]);
  });

  test('npm start --http serves plain http on localhost: allowed there only', () => {
    const xml = renderManifest(SOURCE, { baseUrl: 'http://localhost:3001', version: '0.1.0.1' });
    expect(checkManifestStructure(xml, { root: REPO }).errors).toEqual([]);
  });

  test('base URLs: https anywhere, http only on localhost, nonsense refused in Chinese', () => {
    expect(normaliseBaseUrl('https://a.example/x/')).toBe('https://a.example/x');
    expect(normaliseBaseUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(() => normaliseBaseUrl('http://intranet.example')).toThrow(/必须使用 https/);
    expect(() => normaliseBaseUrl('addins')).toThrow(/不是有效的网址/);
  });

  test('Version: package version plus a build number within the schema limits', () => {
    expect(manifestVersion('0.1.0', 25348)).toBe('0.1.0.25348');
    expect(manifestVersion('1.2.3-beta.1', 0)).toBe('1.2.3.0');
    expect(() => manifestVersion('1.2', 1)).toThrow();
    expect(() => manifestVersion('1.2.3', 100000)).toThrow(/0–99999/);
  });

  test('build number: MANIFEST_BUILD wins; otherwise it grows with time', () => {
    expect(buildNumber({ MANIFEST_BUILD: '7' })).toBe(7);
    expect(() => buildNumber({ MANIFEST_BUILD: 'x' })).toThrow(/MANIFEST_BUILD/);
    const t = Date.UTC(2026, 0, 1);
    expect(buildNumber({}, t + 3600000)).toBe(buildNumber({}, t) + 1);
    expect(buildNumber({}, Date.UTC(2035, 0, 1))).toBeLessThanOrEqual(99999);
  });
});
