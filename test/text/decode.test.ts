/**
 * One decoder for every text a reader opens (src/text/decode.ts): published texts and report data JSON alike, in
 * UTF-8 with or without BOM, UTF-16 with or without BOM, and GB18030/GBK. A GBK-encoded JSON gives the right unit
 * name (issue 12).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../src/text';
import { readJsonBytes } from '../../src/read';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { encodeGbk, encodeUtf16 } from './encode';

const NAME = '沙坡头区香山乡人民政府';
const REPORT = { meta: { body: NAME, year: 2024, level: 'township', kind: 'own' }, values: { 't2.punishment': 7, 't3.new.natural': 0 } };
const JSON_TEXT = JSON.stringify(REPORT, null, 2);

const ENCODINGS: [string, (t: string) => Buffer, string][] = [
  ['UTF-8', (t) => Buffer.from(t, 'utf8'), 'UTF-8'],
  ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), 'UTF-8（带 BOM）'],
  ['GBK', encodeGbk, 'GB18030/GBK'],
  ['UTF-16LE with BOM', (t) => encodeUtf16(t, 'le', true), 'UTF-16LE'],
  ['UTF-16BE with BOM', (t) => encodeUtf16(t, 'be', true), 'UTF-16BE'],
  ['UTF-16LE without BOM', (t) => encodeUtf16(t, 'le', false), 'UTF-16LE'],
  ['UTF-16BE without BOM', (t) => encodeUtf16(t, 'be', false), 'UTF-16BE'],
];

describe('decodeText', () => {
  test.each(ENCODINGS)('%s', (_name, encode, encoding) => {
    expect(decodeText(encode(JSON_TEXT))).toEqual({ ok: true, text: JSON_TEXT, encoding });
  });

  test('GBK bytes are not taken for UTF-8', () => {
    const bytes = encodeGbk(NAME);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toMatchObject({ ok: true, text: NAME });
  });
});

describe('report data JSON in any encoding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-json-'));

  test.each(ENCODINGS)('%s: the unit name and the values are read', async (name, encode) => {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, encode(JSON_TEXT));
    const read = readJsonBytes(readFileSync(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.report.meta.body).toBe(NAME);
    expect(read.value.report.values['t2.punishment']).toBe(7);
  });

  test('nianbao check --json on a GBK file names the unit right', async () => {
    const file = path.join(dir, '香山乡.json');
    writeFileSync(file, encodeGbk(JSON_TEXT));
    let out = '';
    const io: Io = { out: (t) => (out += t), err: () => undefined, isTty: false, cwd: dir };
    await run(['check', file, '--json'], io);
    expect(out).toContain(NAME);
  });

  test('a file that is not text is named, not parsed', async () => {
    const file = path.join(dir, 'scan.json');
    writeFileSync(file, Buffer.from('%PDF-1.7\n', 'latin1'));
    const read = readJsonBytes(readFileSync(file));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/PDF 文件/) });
  });
});
