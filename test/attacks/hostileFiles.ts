/**
 * The hostile and careless inputs of issue 12, and more, built from our own template workbooks, report data and a
 * published text — with our own code and fflate, never downloaded. One folder holds them all, as a supervisor's
 * folder of received files would; each case says what it attacks and, where the fix belongs to another part of the
 * tree, who owns it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportData } from '../../src/core';
import { templateBytes } from '../../src/xlsx/writeTemplate';
import { seeded, soundReport } from '../helpers/reports';
import { lyingBomb, oleContainer, ROOT } from '../xlsx/make';

export type AttackClass =
  | 'sound'
  | 'names'
  | 'numbers'
  | 'bounds'
  | 'structure'
  | 'container'
  | 'special-file'
  | 'silent-value'
  | 'encoding';

export interface HostileCase {
  /** File (or folder) name in the hostile folder. */
  name: string;
  what: string;
  cls: AttackClass;
  /** Readable as a report (body, values), so merge/template/draft can use it. */
  report?: boolean;
  /** A published text (import takes it). */
  text?: boolean;
  /**
   * Fixed elsewhere (not yet landed when this suite was written): who owns it, and what the result must show once
   * fixed. The suite asserts that these still fail, so they flip when the fix lands.
   */
}

export const PUBLISHED_TEXT = readFileSync(path.join(ROOT, 'examples/收到的年报/沙坡头区某某局（网页文本）.txt'), 'utf8');

/** A sound report of a named body; `year` null leaves the year out. */
export function sound(body: string, seed = 1, year: number | null = 2024): ReportData {
  const r = soundReport(seeded(seed), { level: 'county_gov' });
  const meta: ReportData['meta'] = { ...r.meta, body, kind: 'own' };
  if (year === null) delete meta.year;
  else meta.year = year;
  return { ...r, meta };
}

type Parts = Record<string, Uint8Array>;

async function workbookParts(report: ReportData): Promise<Parts> {
  return unzipSync(await templateBytes({ report }));
}

function text(parts: Parts, name: string): string {
  return new TextDecoder().decode(parts[name]);
}

function edit(parts: Parts, name: string, f: (xml: string) => string): Parts {
  const before = text(parts, name);
  const after = f(before);
  if (after === before) throw new Error(`edit of ${name} changed nothing`);
  return { ...parts, [name]: strToU8(after) };
}

function zip(parts: Parts): Buffer {
  return Buffer.from(zipSync(parts));
}

/** A zip with two entries of one name (the last wins in most readers). */
function duplicateEntry(parts: Parts, name: string, second: Uint8Array): Buffer {
  const first = zipSync({ ...parts });
  const extra = zipSync({ [name]: second });
  // Splice: local entries of both, then both central directories, one end record counting all.
  const end = (b: Uint8Array): number => {
    for (let i = b.length - 22; i >= 0; i -= 1) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
    throw new Error('no end record');
  };
  const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const e1 = end(first);
  const e2 = end(extra);
  const cd1 = view(first).getUint32(e1 + 16, true);
  const cd2 = view(extra).getUint32(e2 + 16, true);
  const n1 = view(first).getUint16(e1 + 10, true);
  const local1 = first.subarray(0, cd1);
  const local2 = extra.subarray(0, cd2);
  const dir1 = first.subarray(cd1, e1);
  const dir2 = Buffer.from(extra.subarray(cd2, e2));
  // The second central entry's local offset moves by the first archive's local part.
  dir2.writeUInt32LE(dir2.readUInt32LE(42) + local1.length, 42);
  const endRecord = Buffer.from(first.subarray(e1, e1 + 22));
  endRecord.writeUInt16LE(n1 + 1, 8);
  endRecord.writeUInt16LE(n1 + 1, 10);
  endRecord.writeUInt32LE(dir1.length + dir2.length, 12);
  endRecord.writeUInt32LE(local1.length + local2.length, 16);
  return Buffer.concat([local1, local2, dir1, dir2, endRecord]);
}

/** GBK bytes of a text, from the decoder's own table (Node has no GBK encoder). */
function gbk(s: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a += 1) {
    for (let b = 0x40; b <= 0xfe; b += 1) {
      if (b === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([a, b]));
      if (c.length === 1 && !table.has(c)) table.set(c, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** Build every case into `dir`; returns the cases (special files and folders included). */
export async function buildHostileFolder(dir: string): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const put = (c: HostileCase, data: string | Uint8Array): void => {
    writeFileSync(path.join(dir, c.name), data);
    cases.push(c);
  };
  const base = sound('甲县人民政府', 1);
  const baseParts = await workbookParts(base);

  // Sound files, so that the batch has something to go on with.
  put({ name: 'sound-甲.xlsx', what: 'a sound template workbook', cls: 'sound', report: true }, zip(baseParts));
  put({ name: 'sound-乙.json', what: 'sound report data', cls: 'sound', report: true }, JSON.stringify(sound('乙县人民政府', 2)));
  put({ name: 'sound-pub.txt', what: 'a published report text', cls: 'sound', report: true, text: true }, PUBLISHED_TEXT);

  // Names that break XML, forge terminal lines or mean something to JavaScript.
  put({ name: 'name-fffe.json', what: 'U+FFFE and U+FFFF in the unit name', cls: 'names', report: true }, JSON.stringify(sound('坏\uFFFE单位\uFFFF', 3)));
  put({ name: 'name-controls.json', what: 'C0 controls and a lone surrogate in the unit name', cls: 'names', report: true }, JSON.stringify(sound('坏\u0001\u0008\u001B[31m单位\uD800', 4)));
  put({ name: 'name-forge.json', what: 'a newline that fakes a "未发现问题。" line', cls: 'names', report: true }, JSON.stringify(sound('假单位\n  未发现问题。\n\n■ x.json（x）\n  未发现问题。', 5)));
  put({ name: 'name-bidi.xlsx', what: 'a right-to-left override in a workbook unit name', cls: 'names', report: true }, await templateBytes({ report: sound('\u202E府政民人县丙', 6) }));
  put({ name: 'name-formula.xlsx', what: 'a unit name that is a formula', cls: 'names', report: true }, await templateBytes({ report: sound('=HYPERLINK("http://example.invalid","点击")', 7) }));
  put({ name: 'name-tostring.json', what: 'a unit named toString with no year', cls: 'names', report: true }, JSON.stringify(sound('toString', 8, null)));
  put({ name: 'name-proto.json', what: 'a unit named __proto__, with a __proto__ key among its values', cls: 'names', report: true }, JSON.stringify(sound('__proto__', 9)).replace('"values":{', '"values":{"__proto__":{"polluted":1},'));
  put({ name: 'name-constructor.xlsx', what: 'a unit named constructor', cls: 'names', report: true }, await templateBytes({ report: sound('constructor', 10) }));
  put({ name: 'name-long.json', what: 'a unit name of 100,000 characters', cls: 'names', report: true }, JSON.stringify(sound('长'.repeat(100000), 11)));

  // Numbers beyond a double.
  put({ name: 'num-1e309.json', what: 'a count of 1e309 (Infinity once parsed)', cls: 'numbers', report: true }, JSON.stringify(sound('丁县人民政府', 12)).replace(/"t2\.licensing":[0-9.]+/, '"t2.licensing":1e309'));
  put({ name: 'num-1e308-a.json', what: 'a count of 1e308 (two of them overflow a sum)', cls: 'numbers', report: true }, JSON.stringify(sound('戊镇', 13)).replace(/"t2\.licensing":[0-9.]+/, '"t2.licensing":1e308'));
  put({ name: 'num-1e308-b.json', what: 'a count of 1e308 (two of them overflow a sum)', cls: 'numbers', report: true }, JSON.stringify(sound('己镇', 14)).replace(/"t2\.licensing":[0-9.]+/, '"t2.licensing":1e308'));
  put(
    { name: 'num-infinity.xlsx', what: '<v>1e309</v> in a workbook cell', cls: 'numbers', report: true },
    zip(edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/(<c r="B8"[^>]*>)<v>[^<]*<\/v>/, '$1<v>1e309</v>'))),
  );

  // Work that grows without bound (item 2; bounded here by the per-file time and memory caps).
  const withName = edit(baseParts, 'xl/workbook.xml', (x) => x.replace('</definedNames>', `<definedName name="全表">'表二'!$A$1:$XFD$1048576</definedName></definedNames>`));
  put({ name: 'bound-defined-name.xlsx', what: 'a defined name over a whole sheet', cls: 'bounds' }, zip(withName));
  put(
    { name: 'bound-merge.xlsx', what: 'one merged range over most of a sheet', cls: 'bounds' },
    zip(edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A100:XFD1048576"/>`))),
  );
  put(
    { name: 'bound-validation.xlsx', what: 'a data validation over a whole sheet (makes --annotate run for 20 minutes)', cls: 'bounds', report: true },
    zip(edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/<dataValidations count="(\d+)">/, (_m, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>`))),
  );
  put(
    { name: 'bound-entities.xlsx', what: 'nested XML entities (billion laughs) in shared strings', cls: 'bounds' },
    zip(edit(baseParts, 'xl/sharedStrings.xml', (x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>`).replace('<si><t>', '<si><t>&e;'))),
  );
  put(
    { name: 'bound-xxe.xlsx', what: 'an external entity naming /etc/passwd', cls: 'bounds' },
    zip(edit(baseParts, 'xl/sharedStrings.xml', (x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('<si><t>', '<si><t>&x;'))),
  );

  // Structure exceljs trips on.
  put(
    { name: 'struct-shared-index.xlsx', what: "a shared-string index out of range (exceljs: \"reading 'richText'\")", cls: 'structure' },
    zip(edit(baseParts, 'xl/worksheets/sheet1.xml', (x) => x.replace(/(<c r="A1"[^>]*t="s"[^>]*><v>)\d+/, '$199999'))),
  );
  put(
    { name: 'struct-long-sheet.xlsx', what: 'a sheet name of 40 characters (exceljs: "exceeds 31 chars")', cls: 'structure' },
    zip(edit(baseParts, 'xl/workbook.xml', (x) => x.replace('name="基本信息"', `name="${'很长的工作表名称'.repeat(5)}"`))),
  );
  put({ name: 'struct-bad-sheet.xlsx', what: 'a sheet name with [ ]', cls: 'structure' }, zip(edit(baseParts, 'xl/workbook.xml', (x) => x.replace('name="补充数据"', 'name="补充[数据]"'))));
  put({ name: 'struct-macro.xlsm', what: 'a macro workbook (macros never run)', cls: 'structure', report: true }, zip({ ...baseParts, 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }));

  // Containers that are not what they say.
  const whole = zip(baseParts);
  put({ name: 'box-truncated.xlsx', what: 'a workbook cut in half', cls: 'container' }, whole.subarray(0, Math.floor(whole.length / 2)));
  put({ name: 'box-empty.xlsx', what: 'an empty file', cls: 'container' }, Buffer.alloc(0));
  put({ name: 'box-text.xlsx', what: 'text named .xlsx', cls: 'container' }, '这不是工作簿');
  put({ name: 'box-bomb.xlsx', what: 'a zip bomb lying about its size', cls: 'container' }, lyingBomb(60 * 1024 * 1024, 1000));
  put({ name: 'box-encrypted.xlsx', what: 'a password-protected workbook', cls: 'container' }, oleContainer(['EncryptionInfo', 'EncryptedPackage']));
  put({ name: 'box-old.xls', what: 'an Excel 97-2003 workbook', cls: 'container' }, oleContainer(['Workbook']));
  put({ name: 'box-pdf.txt', what: 'a PDF named .txt', cls: 'container', text: true }, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
  put({ name: 'box-binary.txt', what: 'random bytes named .txt', cls: 'container', text: true }, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  put({ name: 'box-deep.json', what: 'JSON nested 100,000 deep', cls: 'container' }, `${'['.repeat(100000)}${']'.repeat(100000)}`);
  put({ name: 'box-broken.json', what: 'JSON with a trailing comma', cls: 'container' }, '{ "meta": { "body": "甲" }, }');
  put({ name: 'box-empty.txt', what: 'an empty text', cls: 'container', text: true }, '');
  const sparse = path.join(dir, 'box-sparse.xlsx');
  closeSync(openSync(sparse, 'w'));
  execFileSync('truncate', ['-s', '21M', sparse]);
  cases.push({ name: 'box-sparse.xlsx', what: 'a 21 MB file of zeros', cls: 'container' });

  // Texts.
  put({ name: 'text-fffe.txt', what: 'U+FFFE and a bell in the published title', cls: 'names', report: true, text: true }, PUBLISHED_TEXT.replace('淮安市洪泽区人民政府', '淮安市洪泽区\uFFFE人民政府\u0007'));
  put({ name: 'text-utf16.txt', what: 'the published text in UTF-16 with BOM', cls: 'encoding', report: true, text: true }, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PUBLISHED_TEXT, 'utf16le')]));

  // Special files and paths.
  const special = (name: string, what: string, make: (p: string) => void): void => {
    make(path.join(dir, name));
    cases.push({ name, what, cls: 'special-file' });
  };
  special('special-fifo.txt', 'a named pipe called *.txt', (p) => execFileSync('mkfifo', [p]));
  special('special-zero.txt', 'a link to /dev/zero', (p) => symlinkSync('/dev/zero', p));
  special('special-passwd.json', 'a link to /etc/passwd', (p) => symlinkSync('/etc/passwd', p));
  special('special-loop.json', 'a link to itself', (p) => symlinkSync(p, p));
  special('special-dangling.xlsx', 'a link to nothing', (p) => symlinkSync(path.join(dir, 'absent.xlsx'), p));
  special('special-folder.json', 'a folder named *.json holding a report', (p) => {
    mkdirSync(p);
    writeFileSync(path.join(p, 'inner.json'), JSON.stringify(sound('庚县人民政府', 15)));
  });
  special('special-locked', 'a folder no one may open', (p) => {
    mkdirSync(p);
    writeFileSync(path.join(p, 'hidden.json'), JSON.stringify(sound('辛县人民政府', 16)));
    chmodSync(p, 0o000);
  });
  put({ name: 'special-new\nline.json', what: 'a file name with a newline', cls: 'special-file', report: true }, JSON.stringify(sound('壬县人民政府', 17)));
  put({ name: '-o.json', what: 'a file name that looks like an option', cls: 'special-file', report: true }, JSON.stringify(sound('癸县人民政府', 18)));

  // Silent wrong values: item 5 of issue 12, owned by the lead (the new workbook reader) and the text engineer.
  const withText = await workbookParts({ ...base, values: { ...base.values, 't2.licensing': '/' } });
  const noShared = { ...withText };
  delete noShared['xl/sharedStrings.xml'];
  put(
    {
      name: 'silent-no-shared.xlsx',
      what: 'no xl/sharedStrings.xml: text cells read as their string index',
      cls: 'silent-value',
    },
    zip(noShared),
  );
  put(
    {
      name: 'silent-date.xlsx',
      what: 't="d" date cell in a count',
      cls: 'silent-value',
    },
    zip(edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/<c r="B8"([^>]*)>(<v>[^<]*<\/v>)/, '<c r="B8"$1 t="d"><v>2024-03-01T00:00:00Z</v>'))),
  );
  put(
    {
      name: 'silent-hex.xlsx',
      what: '<v>0x4</v> in a count',
      cls: 'silent-value',
    },
    zip(edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/(<c r="B8"[^>]*>)<v>[^<]*<\/v>/, '$1<v>0x4</v>'))),
  );
  const altered = edit(baseParts, 'xl/worksheets/sheet2.xml', (x) => x.replace(/(<c r="B8"[^>]*>)<v>[^<]*<\/v>/, '$1<v>999</v>'));
  put(
    {
      name: 'silent-duplicate.xlsx',
      what: 'two zip entries named xl/worksheets/sheet2.xml',
      cls: 'silent-value',
    },
    duplicateEntry(baseParts, 'xl/worksheets/sheet2.xml', altered['xl/worksheets/sheet2.xml']),
  );
  put(
    {
      name: 'silent-gbk.json',
      what: 'report data saved in GBK',
      cls: 'encoding',
    },
    gbk(JSON.stringify(sound('甲县人民政府', 19))),
  );
  return cases;
}
