/**
 * The summary's charts as SVG bar charts, drawn in the page without any library: one row per unit or rule (long
 * Chinese names read best across), one bar per series, units with errors in red. Text goes in as text nodes only:
 * names come from received files.
 */
import type { ChartSeries } from '../core';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#4472c4', '#ed7d31', '#a5a5a5'];
const SEVERITY_COLOURS: Record<string, string> = { error: '#c00000', warning: '#bf8f00', info: '#2f75b5' };
const ROW = 22;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 420;
const VALUE_WIDTH = 170;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shorten(label: string, max = 14): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function format(v: number, percent: boolean | undefined): string {
  if (percent) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** One chart: a title, a legend when there are several series, and a row of bars (or one stacked bar) per category. */
export function renderChart(chart: ChartSeries): SVGSVGElement {
  const n = chart.series.length;
  const band = chart.stacked ? ROW + 4 : ROW * Math.max(1, n) + 6;
  const top = n > 1 ? 46 : 30;
  const height = top + band * chart.categories.length + 10;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' });
  svg.appendChild(el('title', {}, chart.title));
  svg.appendChild(el('text', { x: 0, y: 18, class: 'chart-title' }, chart.title));
  chart.series.forEach((s, i) => {
    if (n < 2) return;
    const colour = s.severity ? SEVERITY_COLOURS[s.severity] : COLOURS[i % COLOURS.length];
    svg.appendChild(el('rect', { x: LABEL_WIDTH + i * 90, y: 27, width: 12, height: 12, fill: colour }));
    svg.appendChild(el('text', { x: LABEL_WIDTH + i * 90 + 16, y: 38, class: 'chart-legend' }, s.name));
  });
  const totalOf = (c: number): number => chart.series.reduce((a, s) => a + (s.values[c] ?? 0), 0);
  const max = chart.stacked
    ? Math.max(0, ...chart.categories.map((_, c) => totalOf(c)))
    : Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  chart.categories.forEach((category, c) => {
    const y = top + c * band;
    const label = el('text', { x: LABEL_WIDTH - 8, y: y + band / 2 + 4, 'text-anchor': 'end', class: chart.highlight[c] ? 'chart-label chart-label-error' : 'chart-label' }, shorten(category));
    label.appendChild(el('title', {}, category));
    svg.appendChild(label);
    if (chart.stacked) {
      let x = LABEL_WIDTH;
      chart.series.forEach((s, i) => {
        const v = s.values[c] ?? 0;
        if (v <= 0 || max <= 0) return;
        const w = Math.max(2, (v / max) * BAR_WIDTH);
        const colour = s.severity ? SEVERITY_COLOURS[s.severity] : COLOURS[i % COLOURS.length];
        const bar = el('rect', { x, y: y + 2, width: w, height: ROW - 4, fill: colour });
        bar.appendChild(el('title', {}, `${category} ${s.name}：${format(v, chart.percent)}`));
        svg.appendChild(bar);
        x += w;
      });
      const parts = chart.series.map((s) => `${s.name} ${format(s.values[c] ?? 0, chart.percent)}`).join('，');
      svg.appendChild(el('text', { x: x + 4, y: y + ROW / 2 + 3, class: 'chart-value' }, totalOf(c) > 0 ? parts : '无'));
      return;
    }
    chart.series.forEach((s, i) => {
      const v = s.values[c];
      const by = y + 3 + i * ROW;
      const colour = s.severity ? SEVERITY_COLOURS[s.severity] : chart.highlight[c] && n === 1 ? SEVERITY_COLOURS.error : COLOURS[i % COLOURS.length];
      if (v === null) {
        svg.appendChild(el('text', { x: LABEL_WIDTH + 4, y: by + ROW / 2 + 4, class: 'chart-missing' }, '无法读取'));
        return;
      }
      const w = max > 0 ? Math.max(v > 0 ? 2 : 0, (v / max) * BAR_WIDTH) : 0;
      const bar = el('rect', { x: LABEL_WIDTH, y: by, width: w, height: ROW - 4, fill: colour });
      bar.appendChild(el('title', {}, `${category} ${s.name}：${format(v, chart.percent)}`));
      svg.appendChild(bar);
      svg.appendChild(el('text', { x: LABEL_WIDTH + w + 4, y: by + ROW / 2 + 3, class: 'chart-value' }, format(v, chart.percent)));
    });
  });
  return svg;
}
