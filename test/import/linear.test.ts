/**
 * Text import is linear in its input (issue 12), shown without a clock: the work done in the string and regular
 * expression primitives the importer is built on — characters scanned by each regular expression execution up to
 * its match (a sticky one tries one place), characters searched by indexOf, characters produced by slice, split and normalize — is counted while
 * importing inputs of n and 8n characters, and must grow about 8 times, not 64. Timings of 1 MB and 10 MB files are
 * in `npm run bench -- import`.
 *
 * Not seen by this count: work inside the engine that no primitive call shows, such as flattening a string built by
 * concatenation when it is indexed (which once made joinProse quadratic).
 */
import { importDocument, importPublishedText, markdownDocument } from '../../src/core/importText';
import { htmlDocument } from '../../src/text';
import { layoutCase } from './layouts/data';
import { LAYOUTS } from './layouts';

type Fn = (...args: never[]) => unknown;

/** Run `fn` with the primitives instrumented; the characters they touched. */
function work(fn: () => void): number {
  let chars = 0;
  const re = RegExp.prototype as unknown as Record<string, Fn>;
  const str = String.prototype as unknown as Record<string, Fn>;
  const saved = { exec: re.exec, indexOf: str.indexOf, slice: str.slice, substring: str.substring, split: str.split, normalize: str.normalize };
  re.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = (saved.exec as unknown as (this: RegExp, s: string) => RegExpExecArray | null).call(this, s);
    // A sticky expression (as split uses) tries at lastIndex only.
    if (this.sticky) chars += m ? Math.max(1, m[0].length) : 1;
    else chars += (m ? m.index + Math.max(1, m[0].length) : String(s).length) - from;
    return m;
  } as Fn;
  str.indexOf = function (this: string, needle: string, from = 0) {
    const at = (saved.indexOf as unknown as (this: string, n: string, f?: number) => number).call(this, needle, from);
    chars += (at < 0 ? this.length : at + needle.length) - from;
    return at;
  } as Fn;
  for (const name of ['slice', 'substring'] as const) {
    str[name] = function (this: string, ...args: number[]) {
      const out = (saved[name] as unknown as (this: string, ...a: number[]) => string).apply(this, args);
      chars += out.length + 1;
      return out;
    } as Fn;
  }
  for (const name of ['split', 'normalize'] as const) {
    str[name] = function (this: string, ...args: unknown[]) {
      chars += this.length + 1;
      return (saved[name] as unknown as (this: string, ...a: unknown[]) => unknown).apply(this, args);
    } as Fn;
  }
  try {
    fn();
  } finally {
    Object.assign(re, { exec: saved.exec });
    Object.assign(str, { indexOf: saved.indexOf, slice: saved.slice, substring: saved.substring, split: saved.split, normalize: saved.normalize });
  }
  return chars;
}

const render = (name: string): string => {
  const layout = LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new Error(name);
  return layout.render(layoutCase(7)).content;
};

/** `unit` repeated to about `size` characters. */
const grow = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.round(size / unit.length)));

const SHAPES: [string, (size: number) => () => void][] = [
  ['a copied page', (n) => { const t = grow(render('browser-tsv'), n); return () => importPublishedText(t); }],
  ['a fused page', (n) => { const t = grow(render('fused'), n); return () => importPublishedText(t); }],
  ['a PDF-like page with wide columns', (n) => { const t = grow(render('draft-txt').replace(/\t/g, '      '), n); return () => importPublishedText(t); }],
  ['a saved web page', (n) => { const t = grow(render('html'), n); return () => importDocument(htmlDocument(t)); }],
  ['converter Markdown', (n) => { const t = grow(render('converter-md'), n); return () => importDocument(markdownDocument(t)); }],
  ['digits and item marks', (n) => { const t = grow('1.  2、 3 4 5 6 7 8 9 0 1234567890 / — ', n); return () => importPublishedText(t); }],
  [
    'a table 三 that grows',
    (n) => {
      const t = render('draft-txt');
      const [from, to] = [t.indexOf('三、收到和处理'), t.indexOf('四、政府信息公开行政复议')];
      const body = t.slice(from, to);
      const text = t.slice(0, from) + grow(body, n) + t.slice(to);
      return () => importPublishedText(text);
    },
  ],
  ['one long line', (n) => { const t = grow(render('draft-txt').replace(/\s+/g, ''), n); return () => importPublishedText(t); }],
];

describe.each(SHAPES)('importing %s', (_name, make) => {
  it('does about 8 times the work for 8 times the text', () => {
    const small = work(make(25_000));
    const large = work(make(200_000));
    expect(small).toBeGreaterThan(25_000);
    expect(large / small).toBeLessThan(8 * 1.3);
  });
});
