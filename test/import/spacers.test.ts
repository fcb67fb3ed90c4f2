/**
 * Spacer paragraphs: government sites put `<p>&nbsp;</p>` between paragraphs, and a browser copies each as a line
 * holding only a no-break space — just as it copies an empty table cell. One between a row's value and the next
 * heading of table 二 ("第二十条 第（八）项") must not join the row above (found by the robustness property on
 * fixture 001, where it made 行政强制 unreadable). Texts: our own renderings in the browser-copy layout.
 */
import { importPublishedText } from '../../src/core/importText';
import { LAYOUTS } from './layouts';
import { layoutCase } from './layouts/data';
import { tableValues } from './cases';

const NBSP_LINE = '\u00a0';

/** Table 二's part headings and the report's section headings after it (not table 三's row 四、结转下年度继续办理). */
const HEADING = /第二十条|^\s*(?:三、收到和处理|四、政府信息公开行政复议|五、存在的主要问题|六、其他需要报告)/;

/** A spacer line before and after every heading line of table 二's parts and of the sections after it. */
function withSpacers(text: string): string {
  return text
    .split('\n')
    .flatMap((line) => (HEADING.test(line) ? [NBSP_LINE, line, NBSP_LINE] : [line]))
    .join('\n');
}

describe('spacer paragraphs copied from a web page', () => {
  const layout = LAYOUTS.find((l) => l.name === 'browser-copy-word');
  if (!layout) throw new Error('layout browser-copy-word');
  test.each(Array.from({ length: 20 }, (_, i) => i))('seed %i: the same figures and findings with spacer lines around the headings', (seed) => {
    const text = layout.render(layoutCase(seed)).content;
    const spaced = withSpacers(text);
    expect(spaced).not.toBe(text);
    const plain = importPublishedText(text);
    const withThem = importPublishedText(spaced);
    expect(tableValues(withThem.report.values)).toEqual(tableValues(plain.report.values));
    expect(withThem.findings.map((f) => f.message)).toEqual(plain.findings.map((f) => f.message));
    // Not vacuous: table 二's single-value rows are read as numbers.
    expect(typeof plain.report.values['t2.enforcement']).toBe('number');
  });
});
