/**
 * What a supervisor receives, for the tests of the offline audit page and of the pane's 审核 tab: a folder of fifty
 * files (template workbooks sound and broken, hand-made workbooks, published texts, files that are not workbooks at
 * all) and what `nianbao check --json` says of it, to compare the browser's findings with.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckResultSchema, type CheckResult } from '../../src/core';
import { buildCorpus } from '../handmade/corpus';
import { generateCase } from '../handmade/run';
import { seeded, soundReport } from '../helpers/reports';
import { LAYOUTS } from '../import/layouts';
import { layoutCase } from '../import/layouts/data';
import { cli, oleContainer, templateBuffer } from '../xlsx/make';

/** Fifty received files in a new temporary folder: template workbooks sound and broken, hand-made ones, and files that are not workbooks. */
export async function receivedFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nb-page-'));
  const rand = seeded(21);
  for (let i = 0; i < 24; i += 1) {
    const r = soundReport(rand);
    r.meta.body = `沙坡头区第${i + 1}局`;
    if (i % 4 === 1) r.values['t3.new.natural'] = Number(r.values['t3.new.natural']) + 1;
    if (i % 4 === 2) r.values['t2.licensing'] = '/';
    if (i % 6 === 5) r.values['t4.reconsideration.total'] = '三';
    writeFileSync(join(dir, `${String(i + 1).padStart(2, '0')} 沙坡头区第${i + 1}局.xlsx`), await templateBuffer(r));
  }
  const cases = buildCorpus({ libreoffice: false }).filter((c) => c.habits.length >= 2).slice(0, 18);
  for (const [i, c] of cases.entries()) writeFileSync(join(dir, `${String(25 + i)} 自制表格${i + 1}.xlsx`), (await generateCase(c)).bytes);
  // Published reports as they arrive: a browser copy, a saved web page, converter Markdown, our own draft text.
  ['browser-tsv', 'html', 'converter-md', 'draft-txt'].forEach((name, i) => {
    const layout = LAYOUTS.find((l) => l.name === name);
    if (!layout) throw new Error(name);
    const rendered = layout.render(layoutCase(500 + i));
    writeFileSync(join(dir, `${String(43 + i)} 已发布报告${i + 1}${rendered.ext}`), rendered.content);
  });
  writeFileSync(join(dir, '47 改了扩展名.xlsx'), '这不是工作簿');
  writeFileSync(join(dir, '48 加密.xlsx'), oleContainer(['EncryptionInfo', 'EncryptedPackage']));
  writeFileSync(join(dir, '49 旧版.xls'), oleContainer(['Workbook']));
  const sound = await templateBuffer(soundReport(rand));
  writeFileSync(join(dir, '50 截断.xlsx'), sound.subarray(0, Math.floor(sound.length / 2)));
  return dir;
}

/** The files of `folder`, full paths, in name order. */
export function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .map((f) => join(folder, f));
}

/** `nianbao check <folder> --json`, parsed. */
export async function cliCheck(folder: string): Promise<CheckResult> {
  const { out } = await cli(['check', folder, '--json']);
  return CheckResultSchema.parse(JSON.parse(out));
}

/** A path's last part: the name a browser gives a picked file. */
export const baseName = (file: string): string => file.replace(/^.*[\\/]/, '');

/** Each file's findings as `rule target message`, sorted, by file name. */
export function byFile(rows: { file: string; rule: string; target: string; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[baseName(r.file)] ??= []).push(`${r.rule} ${r.target} ${r.message}`);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}
