/** Untrusted files: each kind gets its own clear Chinese message, and a batch goes on past them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { CheckResultSchema } from '../../src/core';
import { LIMITS, openZip } from '../../src/workbook';
import { readWorkbookBytes, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { cli, lyingBomb, oleContainer, patchDeclaredSize, soundReport, templateBuffer, zipOf } from './make';

function refused(buf: Buffer): string {
  const r = readWorkbookBytes(buf);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('inspecting untrusted workbook bytes', () => {
  test('a sound workbook passes', async () => {
    const buf = await templateBuffer(soundReport());
    expect(readWorkbookBytes(buf).ok).toBe(true);
    expect(openZip(buf).macros).toBe(false);
  });
  test('empty, text, PDF and HTML files are named for what they are', () => {
    expect(refused(Buffer.alloc(0))).toContain('空的');
    expect(refused(Buffer.from('机关名称,年度\n'))).toContain('不是 zip 格式');
    expect(refused(Buffer.from('%PDF-1.7\n...........................'))).toContain('PDF');
    expect(refused(Buffer.from('<!DOCTYPE html><html><body>x</body></html>'))).toContain('HTML');
  });
  test('a truncated workbook is corrupt', async () => {
    const buf = await templateBuffer(soundReport());
    expect(refused(buf.subarray(0, Math.floor(buf.length / 2)))).toContain('损坏');
  });
  test('a password-protected workbook (encrypted OLE container) asks for the password to be removed', () => {
    expect(refused(oleContainer(['EncryptionInfo', 'EncryptedPackage']))).toContain('密码');
  });
  test('an old .xls is named and the fix given', () => {
    expect(refused(oleContainer(['Workbook', 'SummaryInformation']))).toContain('另存为');
  });
  test('a Word document in a zip is not taken for a workbook', async () => {
    expect(refused(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toContain('Word');
  });
  test('an oversized file is refused before reading', () => {
    expect(refused(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(LIMITS.maxFileBytes)]))).toContain('过大');
  });
  test('a bomb declaring its size is refused without inflating anything', async () => {
    const zip = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': 'x'.repeat(1000) });
    expect(refused(patchDeclaredSize(zip, 'xl/worksheets/sheet1.xml', LIMITS.maxEntryBytes + 1))).toContain('压缩炸弹');
  });
  test('a bomb lying about its size is stopped at the declared size', () => {
    expect(refused(lyingBomb(30 * 1024 * 1024, 1000))).toContain('比声明的大小');
  });
  test('too many parts is refused', async () => {
    const parts: Record<string, string> = { 'xl/workbook.xml': '<workbook/>' };
    for (let i = 0; i <= LIMITS.maxEntries; i += 1) parts[`xl/p${i}.xml`] = 'x';
    expect(refused(await zipOf(parts))).toContain('部件');
  });
  test('an .xlsm is read (data only) and its macros noted, never run', async () => {
    const zip = await JSZip.loadAsync(await templateBuffer(soundReport()));
    zip.file('xl/vbaProject.bin', Buffer.from('not really vba'));
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(openZip(buf).macros).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'nb-xlsm-'));
    writeFileSync(path.join(dir, 'm.xlsm'), buf);
    const r = await readWorkbookFile(path.join(dir, 'm.xlsm'));
    expect(r.ok && r.value.report.values['t3.new.total']).toBe(soundReport().values['t3.new.total']);
  });
});

describe('a batch with hostile files goes on', () => {
  test('each hostile file is unreadable with its reason; the sound one is checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nb-hostile-'));
    writeFileSync(path.join(dir, '01 正常.xlsx'), await templateBuffer(soundReport()));
    writeFileSync(path.join(dir, '02 加密.xlsx'), oleContainer(['EncryptionInfo', 'EncryptedPackage']));
    writeFileSync(path.join(dir, '03 旧版.xls'), oleContainer(['Workbook']));
    writeFileSync(path.join(dir, '04 损坏.xlsx'), Buffer.from('PK\x03\x04 broken'));
    writeFileSync(path.join(dir, '05 炸弹.xlsx'), lyingBomb(20 * 1024 * 1024, 500));
    const { code, out } = await cli(['check', dir, '--json']);
    const result = CheckResultSchema.strict().parse(JSON.parse(out));
    expect(code).toBe(1);
    expect(result.files.map((f) => f.status)).toEqual(['ok', 'unreadable', 'unreadable', 'unreadable', 'unreadable']);
    expect(result.files[1].error).toContain('密码');
    expect(result.files[2].error).toContain('.xls');
    expect(result.files[3].error).toContain('损坏');
    expect(result.files[4].error).toContain('压缩炸弹');
  });
});
