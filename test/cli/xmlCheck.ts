/**
 * An independent check of an .xlsx/.docx we wrote (used by the tests and by bench/fuzz; no jest here): every XML part
 * parsed by saxes, a strict XML 1.0 parser we did not write, and every number in a worksheet cell finite. Our own
 * validator (src/cli/validateOutput) is not used, so that it is tested too.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The problems found; empty when the file is sound. */
export function xmlProblemsOf(bytes: Uint8Array): string[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (e) {
    return [`zip: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser();
    let type = 'n';
    let inV = false;
    let v = '';
    parser.on('opentag', (t) => {
      if (t.name === 'c') type = String(t.attributes.t ?? 'n');
      if (t.name === 'v') {
        inV = true;
        v = '';
      }
    });
    parser.on('text', (t) => {
      if (inV) v += t;
    });
    parser.on('closetag', (t) => {
      if (t.name !== 'v') return;
      inV = false;
      if (/^xl\/worksheets\//.test(name) && type === 'n' && !Number.isFinite(Number(v))) problems.push(`${name}: <v>${v}</v>`);
    });
    try {
      parser.write(new TextDecoder('utf-8', { fatal: true }).decode(data)).close();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message.slice(0, 160)}`);
    }
  }
  return problems;
}
