/**
 * The add-in manifest, validated offline against Microsoft's XSD (xmllint in WebAssembly), and the deployment
 * rewrite the build applies. Broken manifests must fail, or the validation proves nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SOURCE_MANIFEST,
  buildNumber,
  manifestVersion,
  normaliseBaseUrl,
  renderManifest,
  schemaDir,
  validateManifest,
} from '../../scripts/manifest';

const SOURCE = readFileSync(SOURCE_MANIFEST, 'utf8');
const REPO = join(__dirname, '..', '..');

beforeAll(() => {
  if (!existsSync(join(schemaDir(), 'OfficeAppManifestV1_1.xsd'))) {
    throw new Error(`Office manifest schemas not found in ${schemaDir()} (set NIANBAO_MANIFEST_SCHEMAS)`);
  }
});

describe('manifest.xml', () => {
  test('validates against OfficeAppManifestV1_1.xsd', async () => {
    const result = await validateManifest(SOURCE);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('requires ExcelApi 1.8, names the add-in 年报助手 in zh-CN, opens the pane from the Home tab', () => {
    expect(SOURCE).toMatch(/<Requirements>\s*<Sets DefaultMinVersion="1.8">\s*<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(SOURCE).toMatch(/<DisplayName[^>]*>\s*<Override Locale="zh-CN" Value="年报助手"\/>/);
    expect(SOURCE).toMatch(/<Description[^>]*>\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
    expect(SOURCE).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test('every icon it names exists in assets/ at its size', () => {
    const icons = [...SOURCE.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThan(0);
    for (const [, file, size] of icons) {
      const png = readFileSync(join(REPO, 'assets', file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe('broken manifests fail', () => {
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
  test.each(broken)('%s', async (_name, breakIt, mentions) => {
    const xml = breakIt(SOURCE);
    expect(xml).not.toBe(SOURCE);
    const result = await validateManifest(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(mentions);
  });
});

describe('deployment rewrite', () => {
  test('every development URL points at the deployment, Version is set, and the result still validates', async () => {
    const xml = renderManifest(SOURCE, { baseUrl: 'https://addins.example.gov.cn/nianbao/', version: '0.1.0.42' });
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/nianbao/taskpane.html"/>');
    expect(xml).toContain('<Version>0.1.0.42</Version>');
    expect((await validateManifest(xml)).valid).toBe(true);
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
