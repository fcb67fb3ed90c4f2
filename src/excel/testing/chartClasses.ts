/**
 * TEST ONLY: the chart classes the simulated host serves (a worksheet's `charts` and everything beneath a chart), over
 * the chart models of ./workbookModel.ts. Part of ./excelClasses.ts's CLASSES; the behaviours and their sources are
 * listed in ./README.md (section "Charts", H1–H9).
 */
import type { ClassDef, HostEnv, HostObject } from './excelClasses';
import {
  HostError,
  type ChartAxisModel,
  type ChartFontModel,
  type ChartModel,
  type ChartPointModel,
  type ChartSeriesModel,
  type Rect,
  type SheetModel,
} from './workbookModel';

/** Objects that hold a part of one chart's model (`part` is the model object the class reads and writes). */
type PartKind =
  | 'ChartTitle'
  | 'ChartTitleFormat'
  | 'ChartLegend'
  | 'ChartLegendFormat'
  | 'ChartAxes'
  | 'ChartAxis'
  | 'ChartAxisFormat'
  | 'ChartDataLabels'
  | 'ChartDataLabelFormat'
  | 'ChartAreaFormat'
  | 'ChartFont'
  | 'ChartFill'
  | 'ChartBorder'
  | 'ChartSeriesCollection'
  | 'ChartSeriesFormat'
  | 'ChartPointFormat';

export type ChartObject =
  | { kind: 'ChartCollection'; sheet: SheetModel }
  | { kind: 'Chart'; sheet: SheetModel; chart: ChartModel }
  | { [K in PartKind]: { kind: K; sheet: SheetModel; chart: ChartModel; part: unknown } }[PartKind]
  | { kind: 'ChartSeries'; sheet: SheetModel; chart: ChartModel; series: ChartSeriesModel }
  | { kind: 'ChartPointsCollection'; sheet: SheetModel; chart: ChartModel; series: ChartSeriesModel }
  | { kind: 'ChartPoint'; sheet: SheetModel; chart: ChartModel; series: ChartSeriesModel; index: number };

export type ChartKind = ChartObject['kind'];
type Of<K extends ChartKind> = Extract<ChartObject, { kind: K }>;

/** The chart types of Excel.ChartType the simulator draws (bars and columns; README: H1). */
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineMarkers', 'Pie']);

const color = (v: unknown): string => {
  const s = String(v);
  if (!/^#?[0-9a-f]{6}$/i.test(s)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: color ${s}`);
  return `#${s.replace(/^#/, '').toUpperCase()}`;
};

const part = <K extends PartKind>(kind: K, o: { sheet: SheetModel; chart: ChartModel }, p: unknown): ChartObject => ({ kind, sheet: o.sheet, chart: o.chart, part: p }) as ChartObject;

/** A property of a plain model record: read as stored (or `fallback`), written as given. */
function field<K extends ChartKind>(read: (o: Of<K>) => Record<string, unknown>, key: string, fallback: unknown = null, api?: string, check?: (v: unknown) => unknown) {
  return {
    api,
    get: (o: Of<K>) => read(o)[key] ?? fallback,
    set: (o: Of<K>, v: unknown) => {
      read(o)[key] = check ? check(v) : v;
    },
  };
}

const fontProps = {
  Name: field<'ChartFont'>((o) => o.part as ChartFontModel, 'name', 'Calibri'),
  Size: field<'ChartFont'>((o) => o.part as ChartFontModel, 'size', 10, undefined, Number),
  Color: field<'ChartFont'>((o) => o.part as ChartFontModel, 'color', '#595959', undefined, color),
  Bold: field<'ChartFont'>((o) => o.part as ChartFontModel, 'bold', false, undefined, Boolean),
  Italic: field<'ChartFont'>((o) => o.part as ChartFontModel, 'italic', false, undefined, Boolean),
};

function newAxis(): ChartAxisModel {
  return { reversePlotOrder: false, numberFormat: 'General', tickLabelSpacing: null, visible: true, font: {} };
}

function cellText(env: HostEnv, sheet: SheetModel, row: number, col: number): unknown {
  return env.model.peek(sheet, row, col)?.value ?? '';
}

/**
 * The series Excel makes of a source range (README: H2): with seriesBy Columns (also Auto, as Excel on the web does),
 * each column is a series; a first row of text (its top-left cell text or empty) names them, and a first column of
 * text gives the categories. Rows swap the roles.
 */
export function seriesOf(env: HostEnv, sheet: SheetModel, rect: Rect, seriesBy: string): ChartSeriesModel[] {
  const byRows = seriesBy === 'Rows';
  // In "line" terms: a line is one series (a column, or a row with Rows); "across" runs along a series.
  const lines = byRows ? rect.rows : rect.cols;
  const across = byRows ? rect.cols : rect.rows;
  const at = (line: number, i: number): { row: number; col: number } => (byRows ? { row: rect.row + line, col: rect.col + i } : { row: rect.row + i, col: rect.col + line });
  const isText = (v: unknown): boolean => typeof v === 'string';
  const blankOrText = (v: unknown): boolean => v === '' || isText(v);
  const corner = cellText(env, sheet, rect.row, rect.col);
  const labelLine = lines > 1 && blankOrText(corner) && Array.from({ length: across - 1 }, (_, i) => at(0, i + 1)).every((p) => blankOrText(cellText(env, sheet, p.row, p.col)));
  const first = labelLine ? 1 : 0;
  const nameRow = across > 1 && blankOrText(corner) && Array.from({ length: lines - first }, (_, j) => at(j + first, 0)).every((p) => isText(cellText(env, sheet, p.row, p.col)));
  const start = nameRow ? 1 : 0;
  const span = (line: number): Rect => {
    const a = at(line, start);
    return byRows ? { row: a.row, col: a.col, rows: 1, cols: across - start } : { row: a.row, col: a.col, rows: across - start, cols: 1 };
  };
  const out: ChartSeriesModel[] = [];
  for (let line = first; line < lines; line += 1) {
    const head = at(line, 0);
    out.push({
      nameCell: nameRow ? { sheetId: sheet.id, row: head.row, col: head.col } : null,
      name: `系列${out.length + 1}`,
      sheetId: sheet.id,
      values: span(line),
      categories: labelLine ? span(0) : null,
      fill: null,
      gapWidth: 150,
      hasDataLabels: false,
      points: new Map(),
    });
  }
  return out;
}

function pointCount(s: ChartSeriesModel): number {
  return s.values.rows * s.values.cols;
}

function pointOf(o: Of<'ChartPoint'>): ChartPointModel {
  let p = o.series.points.get(o.index);
  if (!p) {
    p = { fill: null, border: { color: null, weight: null, lineStyle: null } };
    o.series.points.set(o.index, p);
  }
  return p;
}

function liveChart(o: { sheet: SheetModel; chart: ChartModel }): ChartModel {
  if (!o.sheet.charts.includes(o.chart)) throw new HostError('ItemNotFound', `The requested resource doesn't exist: chart ${o.chart.name}`);
  return o.chart;
}

function chartAt(sheet: SheetModel, i: unknown): ChartModel {
  const c = sheet.charts[Number(i)];
  if (!c) throw new HostError('ItemNotFound', `The requested resource doesn't exist: chart ${String(i)}`);
  return c;
}

function seriesAt(chart: ChartModel, i: unknown): ChartSeriesModel {
  const s = chart.series[Number(i)];
  if (!s) throw new HostError('ItemNotFound', `The requested resource doesn't exist: series ${String(i)}`);
  return s;
}

type ChartClasses = { [K in ChartKind]: ClassDef<K> };

export const CHART_CLASSES: ChartClasses = {
  ChartCollection: {
    items: (o) => o.sheet.charts.map((chart) => ({ kind: 'Chart', sheet: o.sheet, chart })),
    props: { Count: { get: (o) => o.sheet.charts.length } },
    methods: {
      Add: {
        call: (o, [type, source, seriesBy], env) => {
          const range = source as HostObject | null;
          if (!range || range.kind !== 'Range') throw new HostError('InvalidArgument', 'The source data of a chart must be a range.');
          if (!CHART_TYPES.has(String(type))) throw new HostError('InvalidArgument', `The chart type ${String(type)} is not supported here.`);
          // README: H7. Charts are drawing objects: a protected sheet refuses them unless objects may be edited.
          if (o.sheet.protection.protected && !o.sheet.protection.options.allowEditObjects) throw new HostError('AccessDenied', 'The sheet is protected: charts cannot be added.');
          const by = seriesBy === 'Rows' ? 'Rows' : 'Columns';
          const chart: ChartModel = {
            id: env.model.newId('G'),
            name: `图表 ${o.sheet.charts.length + 1}`,
            type: String(type),
            source: { sheetId: range.sheet.id, rect: range.rect },
            seriesBy: by,
            top: 0,
            left: 0,
            width: 360,
            height: 216,
            title: { text: '', visible: true, font: {} },
            legend: { visible: true, position: 'Right', font: {} },
            axes: { category: newAxis(), value: newAxis() },
            dataLabels: { showValue: false, numberFormat: 'General', position: 'Center', font: {} },
            font: {},
            series: seriesOf(env, range.sheet, range.rect, by),
          };
          o.sheet.charts.push(chart);
          return { kind: 'Chart', sheet: o.sheet, chart };
        },
      },
      GetItemAt: { call: (o, [i]) => ({ kind: 'Chart', sheet: o.sheet, chart: chartAt(o.sheet, i) }) },
      GetItem: {
        call: (o, [name]) => {
          const chart = o.sheet.charts.find((c) => c.name === String(name));
          if (!chart) throw new HostError('ItemNotFound', `The requested resource doesn't exist: chart ${String(name)}`);
          return { kind: 'Chart', sheet: o.sheet, chart };
        },
      },
      GetItemOrNullObject: {
        api: '1.4',
        call: (o, [name]) => {
          const chart = o.sheet.charts.find((c) => c.name === String(name));
          return chart ? { kind: 'Chart', sheet: o.sheet, chart } : null;
        },
      },
      GetCount: { api: '1.4', call: (o) => o.sheet.charts.length },
    },
  },

  Chart: {
    props: {
      Id: { api: '1.7', get: (o) => liveChart(o).id },
      Name: field<'Chart'>((o) => liveChart(o) as unknown as Record<string, unknown>, 'name', '', undefined, String),
      ChartType: { api: '1.7', get: (o) => liveChart(o).type },
      ...Object.fromEntries(
        (['Top', 'Left', 'Width', 'Height'] as const).map((p) => [
          p,
          {
            get: (o: Of<'Chart'>) => liveChart(o)[p.toLowerCase() as 'top'],
            set: (o: Of<'Chart'>, v: unknown) => {
              const n = Number(v);
              // README: H6. Sizes are points; a negative size is refused.
              if (!Number.isFinite(n) || ((p === 'Width' || p === 'Height') && n < 0)) throw new HostError('InvalidArgument', `Chart.${p.toLowerCase()} cannot be ${String(v)}.`);
              liveChart(o)[p.toLowerCase() as 'top'] = n;
            },
          },
        ]),
      ),
    },
    nav: {
      Title: { get: (o) => part('ChartTitle', o, liveChart(o).title) },
      Legend: { get: (o) => part('ChartLegend', o, liveChart(o).legend) },
      Axes: { get: (o) => part('ChartAxes', o, liveChart(o).axes) },
      Series: { get: (o) => part('ChartSeriesCollection', o, liveChart(o).series) },
      DataLabels: { get: (o) => part('ChartDataLabels', o, liveChart(o).dataLabels) },
      Format: { get: (o) => part('ChartAreaFormat', o, liveChart(o).font) },
    },
    methods: {
      Delete: {
        call: (o) => {
          liveChart(o);
          o.sheet.charts = o.sheet.charts.filter((c) => c !== o.chart);
        },
      },
    },
  },

  ChartTitle: {
    props: {
      Text: field<'ChartTitle'>((o) => o.part as Record<string, unknown>, 'text', '', undefined, String),
      Visible: field<'ChartTitle'>((o) => o.part as Record<string, unknown>, 'visible', true, undefined, Boolean),
    },
    nav: { Format: { get: (o) => part('ChartTitleFormat', o, (o.part as { font: ChartFontModel }).font) } },
  },
  ChartTitleFormat: { nav: { Font: { get: (o) => part('ChartFont', o, o.part) } } },

  ChartLegend: {
    props: {
      Visible: field<'ChartLegend'>((o) => o.part as Record<string, unknown>, 'visible', true, undefined, Boolean),
      Position: field<'ChartLegend'>((o) => o.part as Record<string, unknown>, 'position', 'Right', undefined, String),
    },
    nav: { Format: { get: (o) => part('ChartLegendFormat', o, (o.part as { font: ChartFontModel }).font) } },
  },
  ChartLegendFormat: { nav: { Font: { get: (o) => part('ChartFont', o, o.part) } } },

  ChartAxes: {
    nav: {
      CategoryAxis: { get: (o) => part('ChartAxis', o, (o.part as ChartModel['axes']).category) },
      ValueAxis: { get: (o) => part('ChartAxis', o, (o.part as ChartModel['axes']).value) },
    },
  },
  ChartAxis: {
    props: {
      ReversePlotOrder: field<'ChartAxis'>((o) => o.part as Record<string, unknown>, 'reversePlotOrder', false, '1.7', Boolean),
      NumberFormat: field<'ChartAxis'>((o) => o.part as Record<string, unknown>, 'numberFormat', 'General', '1.8', String),
      TickLabelSpacing: field<'ChartAxis'>((o) => o.part as Record<string, unknown>, 'tickLabelSpacing', 1, '1.7', Number),
      Visible: field<'ChartAxis'>((o) => o.part as Record<string, unknown>, 'visible', true, '1.7', Boolean),
    },
    nav: { Format: { get: (o) => part('ChartAxisFormat', o, (o.part as ChartAxisModel).font) } },
  },
  ChartAxisFormat: { nav: { Font: { get: (o) => part('ChartFont', o, o.part) } } },

  ChartDataLabels: {
    props: {
      ShowValue: field<'ChartDataLabels'>((o) => o.part as Record<string, unknown>, 'showValue', false, undefined, Boolean),
      Position: field<'ChartDataLabels'>((o) => o.part as Record<string, unknown>, 'position', 'Center', undefined, String),
      NumberFormat: field<'ChartDataLabels'>((o) => o.part as Record<string, unknown>, 'numberFormat', 'General', '1.8', String),
    },
    nav: { Format: { get: (o) => part('ChartDataLabelFormat', o, (o.part as { font: ChartFontModel }).font) } },
  },
  ChartDataLabelFormat: { nav: { Font: { get: (o) => part('ChartFont', o, o.part) } } },
  ChartAreaFormat: { nav: { Font: { get: (o) => part('ChartFont', o, o.part) } } },
  ChartFont: { props: fontProps as unknown as ClassDef<'ChartFont'>['props'] },

  ChartSeriesCollection: {
    items: (o) => o.chart.series.map((series) => ({ kind: 'ChartSeries', sheet: o.sheet, chart: o.chart, series })),
    props: { Count: { get: (o) => o.chart.series.length } },
    methods: {
      GetItemAt: { call: (o, [i]) => ({ kind: 'ChartSeries', sheet: o.sheet, chart: o.chart, series: seriesAt(o.chart, i) }) },
      GetCount: { api: '1.4', call: (o) => o.chart.series.length },
    },
  },
  ChartSeries: {
    props: {
      Name: {
        get: (o, env) => env.model.seriesName(o.series),
        set: (o, v) => {
          const name = String(v);
          if (name.length > 255) throw new HostError('InvalidArgument', 'A series name cannot be longer than 255 characters.');
          o.series.name = name;
          o.series.nameCell = null;
        },
      },
      GapWidth: {
        api: '1.7',
        get: (o) => o.series.gapWidth,
        set: (o, v) => {
          const n = Number(v);
          // README: H5. Gap width is 0–500 %, and only bars and columns have one.
          if (!/^(Bar|Column)/.test(o.chart.type) || !(n >= 0 && n <= 500)) throw new HostError('InvalidArgument', `The gap width ${String(v)} is not valid for a ${o.chart.type} chart.`);
          o.series.gapWidth = n;
        },
      },
      HasDataLabels: { api: '1.7', get: (o) => o.series.hasDataLabels, set: (o, v) => void (o.series.hasDataLabels = Boolean(v)) },
    },
    nav: {
      Format: { get: (o) => part('ChartSeriesFormat', o, o.series) },
      Points: { get: (o) => ({ kind: 'ChartPointsCollection', sheet: o.sheet, chart: o.chart, series: o.series }) },
    },
  },
  ChartSeriesFormat: { nav: { Fill: { get: (o) => part('ChartFill', o, o.part) } } },
  ChartFill: {
    methods: {
      SetSolidColor: {
        call: (o, [c]) => {
          (o.part as { fill: string | null }).fill = color(c);
        },
      },
      Clear: {
        call: (o) => {
          (o.part as { fill: string | null }).fill = null;
        },
      },
    },
  },

  ChartPointsCollection: {
    items: (o) => Array.from({ length: pointCount(o.series) }, (_, index) => ({ kind: 'ChartPoint', sheet: o.sheet, chart: o.chart, series: o.series, index })),
    props: { Count: { get: (o) => pointCount(o.series) } },
    methods: {
      GetItemAt: {
        call: (o, [i]) => {
          const index = Number(i);
          // README: H3. Points exist for each category of the series, no more.
          if (!Number.isInteger(index) || index < 0 || index >= pointCount(o.series)) throw new HostError('ItemNotFound', `The requested resource doesn't exist: point ${String(i)}`);
          return { kind: 'ChartPoint', sheet: o.sheet, chart: o.chart, series: o.series, index };
        },
      },
      GetCount: { api: '1.4', call: (o) => pointCount(o.series) },
    },
  },
  ChartPoint: {
    props: {
      Value: {
        get: (o, env) => {
          const values = env.model.seriesValues(o.series);
          return values[o.index] ?? null;
        },
      },
    },
    nav: { Format: { get: (o) => part('ChartPointFormat', o, pointOf(o)) } },
  },
  ChartPointFormat: {
    nav: {
      Fill: { get: (o) => part('ChartFill', o, o.part) },
      Border: { get: (o) => part('ChartBorder', o, (o.part as ChartPointModel).border), api: '1.7' },
    },
  },
  ChartBorder: {
    props: {
      Color: field<'ChartBorder'>((o) => o.part as Record<string, unknown>, 'color', null, '1.7', color),
      Weight: field<'ChartBorder'>((o) => o.part as Record<string, unknown>, 'weight', null, '1.7', Number),
      LineStyle: field<'ChartBorder'>((o) => o.part as Record<string, unknown>, 'lineStyle', null, '1.7', String),
    },
  },
};
