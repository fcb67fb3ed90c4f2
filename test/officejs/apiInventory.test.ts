/**
 * API-set inventory: the TypeScript checker finds every Excel API member the adapter uses — property reads and writes,
 * method calls, object-literal options (a validation rule, run options) and the paths in `load('a/b')` strings — and
 * reads each member's `[Api set: ExcelApi x.y]` tag from @types/office-js. A member above the manifest's minimum set
 * that is reached from a class the minimum set already has (Workbook.notes, RangeFill.pattern, …) must be reached in
 * src/excel/capabilities.ts, the capability gate; members of classes that only such members lead to (Note, Comment,
 * PageLayout, …) are counted but need no gate of their own. Non-literal load paths are refused outside the gate (the
 * checker could not see them). Prints the counts.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const REPO = resolve(__dirname, '..', '..');
const EXCEL_DIR = join(REPO, 'src', 'excel');
const GATE = join(EXCEL_DIR, 'capabilities.ts');

/** The manifest's minimum ExcelApi set. */
function manifestMinimum(): string {
  const xml = readFileSync(join(REPO, 'manifest.xml'), 'utf8');
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml);
  if (!m) throw new Error('manifest.xml declares no ExcelApi set');
  return m[1];
}

const above = (v: string, min: string): boolean => {
  const [a, b] = v.split('.').map(Number);
  const [c, d] = min.split('.').map(Number);
  return a > c || (a === c && b > d);
};

interface Use {
  member: string;
  /** The member's set, or null where the typings give none. */
  api: string | null;
  /** The set of the class that declares it. */
  classApi: string | null;
  file: string;
  line: number;
}

function apiOf(node: ts.Node): string | null {
  const m = /\[\s*Api set:\s*ExcelApi\s+([\d.]+)/.exec(node.getFullText());
  return m ? m[1] : null;
}

function excelClassOf(decl: ts.Declaration): ts.ClassDeclaration | ts.InterfaceDeclaration | null {
  const owner = decl.parent;
  if (!owner || !(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))) return null;
  let p: ts.Node | undefined = owner.parent;
  while (p && !ts.isModuleDeclaration(p)) p = p.parent;
  if (!p || !ts.isModuleDeclaration(p) || p.name.text !== 'Excel') return null;
  return owner;
}

function memberUse(sym: ts.Symbol | undefined, at: ts.Node): Omit<Use, 'file' | 'line'> | null {
  const decl = sym?.declarations?.find((d) => d.getSourceFile().fileName.includes('@types/office-js'));
  if (!sym || !decl) return null;
  const cls = excelClassOf(decl);
  if (!cls?.name) return null;
  void at;
  return { member: `${cls.name.text}.${sym.getName()}`, api: apiOf(decl), classApi: apiOf(cls) };
}

interface Inventory {
  uses: Use[];
  dynamicLoads: { file: string; line: number }[];
}

/** Every Excel member the given files use. */
function inventory(files: string[], options: ts.CompilerOptions): Inventory {
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const dynamicLoads: Inventory['dynamicLoads'] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in the program: ${file}`);
    const add = (u: Omit<Use, 'file' | 'line'> | null, node: ts.Node): void => {
      if (u) uses.push({ ...u, file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) add(memberUse(checker.getSymbolAtLocation(node.name), node), node);
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        if (type) {
          for (const p of node.properties) {
            if (!p.name || !ts.isIdentifier(p.name)) continue;
            add(memberUse(checker.getPropertyOfType(checker.getNonNullableType(type), p.name.text), p), p);
          }
        }
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        const isExcel = memberUse(checker.getSymbolAtLocation(node.expression.name), node) !== null;
        if (isExcel) {
          for (const arg of node.arguments) {
            const strings = ts.isStringLiteralLike(arg) ? [arg.text] : ts.isArrayLiteralExpression(arg) && arg.elements.every(ts.isStringLiteralLike) ? arg.elements.map((e) => (e as ts.StringLiteral).text) : null;
            if (!strings) {
              dynamicLoads.push({ file, line: sf.getLineAndCharacterOfPosition(arg.getStart()).line + 1 });
              continue;
            }
            for (const path of strings.flatMap((s) => s.split(','))) {
              let type: ts.Type | undefined = receiver;
              for (const seg of path.trim().split(/[/.]/)) {
                if (!type) break;
                const prop = checker.getPropertyOfType(checker.getNonNullableType(type), seg);
                if (!prop) throw new Error(`${relative(REPO, file)}: load path "${path}" has no member "${seg}"`);
                add(memberUse(prop, arg), arg);
                let next = checker.getTypeOfSymbolAtLocation(prop, arg);
                // `items/…` on a collection: the members of its items.
                if (seg === 'items') next = checker.getIndexTypeOfType(next, ts.IndexKind.Number) ?? next;
                type = next;
              }
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { uses, dynamicLoads };
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(REPO, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO);
  return { ...parsed.options, noEmit: true, typeRoots: [join(REPO, 'node_modules', '@types')] };
}

interface Verdict {
  members: Map<string, string | null>;
  aboveMinimum: Map<string, string>;
  entries: Map<string, string>;
  violations: string[];
}

function judge(inv: Inventory, min: string, gate: string): Verdict {
  const members = new Map<string, string | null>();
  const aboveMinimum = new Map<string, string>();
  const entries = new Map<string, string>();
  const violations: string[] = [];
  for (const u of inv.uses) {
    members.set(u.member, u.api);
    if (!u.api || !above(u.api, min)) continue;
    aboveMinimum.set(u.member, u.api);
    // An entry: a newer member on a class the minimum set has. Members of newer classes are only reached through one.
    const entry = !u.classApi || !above(u.classApi, min);
    if (!entry) continue;
    entries.set(u.member, u.api);
    if (u.file !== gate) violations.push(`${relative(REPO, u.file)}:${u.line} ${u.member} (ExcelApi ${u.api}) outside the capability gate`);
  }
  for (const d of inv.dynamicLoads) if (d.file !== gate) violations.push(`${relative(REPO, d.file)}:${d.line} load() with a path the checker cannot read`);
  return { members, aboveMinimum, entries, violations };
}

const adapterFiles = (): string[] =>
  ts.sys
    .readDirectory(EXCEL_DIR, ['.ts'], undefined, undefined, 1)
    .map((f) => resolve(f))
    .filter((f) => !f.includes(`${join('excel', 'testing')}`));

describe('Excel API-set inventory of src/excel', () => {
  const min = manifestMinimum();
  const options = compilerOptions();

  test('every member above the manifest minimum is reached through the capability gate', () => {
    const verdict = judge(inventory(adapterFiles(), options), min, GATE);
    const list = (m: Map<string, string | null>): string => [...m].map(([k, v]) => `${k} (${v ?? '—'})`).sort().join(', ');
    process.stdout.write(
      [
        `manifest minimum: ExcelApi ${min}`,
        `Excel API members used: ${verdict.members.size}`,
        `above ExcelApi ${min}: ${verdict.aboveMinimum.size} — ${list(verdict.aboveMinimum)}`,
        `of these, entries through the gate (src/excel/capabilities.ts): ${verdict.entries.size} — ${list(verdict.entries)}`,
        `outside the gate: ${verdict.violations.length}`,
        '',
      ].join('\n'),
    );
    expect(min).toBe('1.8');
    expect(verdict.members.size).toBeGreaterThan(60);
    expect(verdict.entries.size).toBeGreaterThan(0);
    expect(verdict.violations).toEqual([]);
  }, 120000);

  test('the inventory catches a newer member, and a path it cannot read, outside the gate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-inventory-'));
    try {
      const probe = join(dir, 'probe.ts');
      writeFileSync(
        probe,
        [
          'export async function f(context: Excel.RequestContext, props: string): Promise<void> {',
          "  context.workbook.notes.load('items/content');",
          "  context.workbook.worksheets.getItem('a').getRange('A1').load('format/fill/tintAndShade');",
          '  context.workbook.worksheets.getItem(\'a\').getRange(\'A1\').load(props);',
          '  await context.sync();',
          '}',
        ].join('\n'),
      );
      const verdict = judge(inventory([probe], options), min, GATE);
      expect(verdict.violations).toEqual([
        expect.stringContaining('Workbook.notes (ExcelApi 1.18)'),
        expect.stringContaining('RangeFill.tintAndShade (ExcelApi 1.9)'),
        expect.stringContaining('load() with a path'),
      ]);
      // NoteCollection.load and Note.content are counted, behind the entry Workbook.notes.
      expect(verdict.aboveMinimum.has('Note.content')).toBe(true);
      expect(verdict.entries.has('Note.content')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
