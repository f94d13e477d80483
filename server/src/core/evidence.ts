/**
 * The evidence table: official figures (a statistics bureau's, a budget's) by metric and period,
 * against the result figures a report gives. Pure: the CLI or the server reads and splits the CSV;
 * this module reads its records and compares.
 */
import type { Claim } from './claims';
import type { Report, Span } from './model';
import type { Localized } from './identity';
import { scanFigures } from './numbers';
import { DEFAULT_VOCABULARY, Metrics, effectiveKind, type TargetVocabulary } from './targets';
import type { ClaimKind } from './units';

export interface EvidenceRow {
  /** The metric as the table writes it, without a growth word: 国内生产总值 for 国内生产总值增长率. */
  readonly metric: string;
  readonly period: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: ClaimKind;
  /** The value and unit as written in the table: `114.4万亿元`, `8.1%`. */
  readonly written: string;
  readonly source?: string;
  readonly note?: string;
  /** The table's name as the caller knows it (a file name). */
  readonly file?: string;
  /** 1-based line of the table file, and its span there when the reader knows it. */
  readonly line: number;
  readonly span?: Span;
}

/** One record of the CSV as its reader split it. */
export interface EvidenceRecord {
  readonly fields: readonly string[];
  readonly line: number;
  readonly span?: Span;
}

/** Column names in English or Chinese. */
const COLUMNS: Record<'metric' | 'period' | 'value' | 'unit' | 'source' | 'note', RegExp> = {
  metric: /^(?:metric|指标|指标名称)$/i,
  period: /^(?:period|year|年份|年度|时期)$/i,
  value: /^(?:value|数值|值)$/i,
  unit: /^(?:unit|单位)$/i,
  source: /^(?:source|来源|数据来源)$/i,
  note: /^(?:note|notes|备注|说明)$/i,
};
/** A metric named as a rate of change: 国内生产总值增长率 is the growth of 国内生产总值. */
const GROWTH_NAME = /(?:增长率|同比增长|增长)$/;
/** A rate of change named as such keeps its name, as the report's claims do (居民消费价格涨幅). */
const RATE_NAME = /(?:涨幅|增幅|增速|上涨|上升)$/;
const PERIOD = /^(?:19|20)\d{2}(?:-(?:19|20)\d{2})?$/;

/**
 * The rows of an evidence table from its records, header first. A record that cannot be read is
 * left out with a message naming its line; the other rows stay usable.
 */
export function evidenceRows(records: readonly EvidenceRecord[], name = ''): { rows: EvidenceRow[]; errors: Localized[] } {
  const rows: EvidenceRow[] = [];
  const errors: Localized[] = [];
  const where = (line: number) => ({ zh: `${name ? `${name} ` : ''}第${line}行`, en: `${name ? `${name} ` : ''}line ${line}` });
  const header = records[0];
  if (!header) return { rows, errors: [{ zh: `${name || '证据表'}为空，应有表头：metric,period,value,unit[,source,note]`, en: `${name || 'The evidence table'} is empty; expected a header: metric,period,value,unit[,source,note]` }] };
  const column = Object.fromEntries(Object.entries(COLUMNS).map(([key, pattern]) => [key, header.fields.findIndex((f) => pattern.test(f.trim().replace(/^\ufeff/, '')))])) as Record<keyof typeof COLUMNS, number>;
  const missing = (['metric', 'period', 'value', 'unit'] as const).filter((k) => column[k] < 0);
  if (missing.length) {
    return { rows, errors: [{ zh: `${where(header.line).zh}：表头缺少列 ${missing.join('、')}（应有 metric,period,value,unit[,source,note]）`, en: `${where(header.line).en}: the header lacks ${missing.join(', ')} (expected metric,period,value,unit[,source,note])` }] };
  }
  for (const record of records.slice(1)) {
    const field = (key: keyof typeof COLUMNS) => (column[key] >= 0 ? (record.fields[column[key]] ?? '').trim() : '');
    if (record.fields.every((f) => !f.trim())) continue;
    const rawMetric = field('metric');
    const period = field('period').replace(/年$/, '').replace(/[—–～~至]/, '-');
    const written = `${field('value').replace(/[,，]/g, '')}${field('unit')}`;
    const figures = scanFigures(written);
    const figure = figures.length === 1 && figures[0].span.start === 0 && figures[0].span.end === written.length ? figures[0] : undefined;
    const problem = !rawMetric ? { zh: '缺少指标', en: 'no metric' } : !PERIOD.test(period) ? { zh: `时期「${field('period')}」应为年份，如 2022 或 2016-2020`, en: `period “${field('period')}” must be a year such as 2022 or 2016-2020` } : !figure ? { zh: `无法读取数值与单位「${written}」`, en: `cannot read the value and unit “${written}”` } : undefined;
    if (problem || !figure) {
      errors.push({ zh: `${where(record.line).zh}：${problem!.zh}`, en: `${where(record.line).en}: ${problem!.en}` });
      continue;
    }
    const growth = figure.unit === '%' && (GROWTH_NAME.test(rawMetric) || RATE_NAME.test(rawMetric));
    rows.push({
      metric: figure.unit === '%' ? rawMetric.replace(GROWTH_NAME, '') : rawMetric,
      period,
      value: figure.value,
      unit: figure.unit,
      kind: growth ? 'growth' : figure.kind,
      written,
      source: field('source') || undefined,
      note: field('note') || undefined,
      file: name || undefined,
      line: record.line,
      span: record.span,
    });
  }
  return { rows, errors };
}

export interface EvidenceMatch {
  readonly claim: Claim;
  readonly row: EvidenceRow;
  /** Within the rounding of both figures. */
  readonly agrees: boolean;
}

/**
 * Each result figure of the report that the table gives for the same metric, period, unit and
 * kind, with whether the two agree within rounding. A figure the table does not give is left out.
 */
export function compareEvidence(report: Report, rows: readonly EvidenceRow[], vocabulary: TargetVocabulary = DEFAULT_VOCABULARY): EvidenceMatch[] {
  if (!rows.length) return [];
  const metrics = new Metrics(vocabulary);
  const out: EvidenceMatch[] = [];
  for (const claim of report.claims) {
    if (claim.modality !== 'result' || !claim.metric || claim.period === undefined) continue;
    const kind = effectiveKind(claim);
    const row = rows.find((r) => r.period === claim.period && r.unit === claim.unit && r.kind === kind && [0, 1].includes(metrics.affinity(r.metric, claim.metric)));
    if (!row) continue;
    const allowed = halfStep(claim.text, claim.value) + halfStep(row.written, row.value) + 1e-9 * Math.max(1, Math.abs(row.value));
    out.push({ claim, row, agrees: Math.abs(claim.value - row.value) <= allowed });
  }
  return out;
}

/** Half of the last written digit, in the figure's unit: `1.37万亿斤` → 0.005万亿斤. */
function halfStep(written: string, value: number): number {
  const digits = /[0-9０-９]+(?:[.．]([0-9０-９]+))?/.exec(written);
  if (!digits) return Math.abs(value) * 0.005;
  const number = Number(digits[0].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace('．', '.'));
  const scale = number !== 0 ? Math.abs(value / number) : 1;
  return 0.5 * 10 ** -(digits[1]?.length ?? 0) * scale;
}
