/** Figure hovers: what a number is, and where else the report gives the same metric. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { itemAt, type LineIndex } from '../service';
import { escapeMarkdown, markdownLink } from '../protocol/markdown';
import { toRange, type Language } from '../protocol/convert';

const KIND: Record<string, { zh: string; en: string }> = {
  amount: { zh: '数额', en: 'amount' },
  count: { zh: '数量', en: 'count' },
  percent: { zh: '比率', en: 'rate or share' },
  points: { zh: '百分点变化', en: 'percentage-point change' },
  growth: { zh: '增减幅度', en: 'growth rate' },
  multiple: { zh: '倍数', en: 'multiple' },
  rank: { zh: '位次', en: 'rank' },
  fraction: { zh: '比例', en: 'ratio' },
};
const QUALIFIER: Record<string, { zh: string; en: string }> = {
  exact: { zh: '确数', en: 'exact' },
  approx: { zh: '约数', en: 'approximate' },
  atLeast: { zh: '下限（以上）', en: 'at least' },
  atMost: { zh: '上限（以内）', en: 'at most' },
};
const MODALITY: Record<string, { zh: string; en: string }> = {
  result: { zh: '实际完成', en: 'reported result' },
  target: { zh: '目标/计划', en: 'target or plan' },
};

export function claimAt(claims: readonly Claim[], offset: number): Claim | undefined {
  return itemAt(claims, offset);
}

function periodLabel(period: string | undefined, language: Language): string {
  if (!period) return language === 'zh' ? '时期未知' : 'period unknown';
  return language === 'zh' ? (period.includes('-') ? `${period.replace('-', '—')}年` : `${period}年`) : period;
}

/** Units a scale word never goes with: rates, multiples and ranks are written as they are. */
const UNSCALED = new Set(['%', '个百分点', '倍', '位', '‰']);
const SCALES: readonly [number, string][] = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];

function decimal(n: number): string {
  return String(Number(n.toFixed(4)));
}

/**
 * A value in the report's own scale: 1,030,000,000,000 元 → `10.3万亿元`, 11,000 人 → `1.1万人`,
 * 3.8 % → `3.8%`. A range keeps one scale for both ends (`8000-10000元`, `6.5%-7%`).
 */
export function inReportScale(value: number, unit: string, max?: number): string {
  const smallest = Math.min(Math.abs(value), max === undefined ? Infinity : Math.abs(max));
  const [factor, word] = UNSCALED.has(unit) ? [1, ''] : SCALES.find(([f]) => smallest >= f) ?? [1, ''];
  const upper = max === undefined ? '' : `-${decimal(max / factor)}`;
  return `${decimal(value / factor)}${upper}${word}${unit}`;
}

/** Growth and percentage-point changes carry their sign: a decline reads `-3.8%`. */
function valueLabel(c: Claim): string {
  const sign = (c.kind === 'growth' || c.kind === 'points') && c.value > 0 ? '+' : '';
  return `${sign}${inReportScale(c.value, c.unit, c.max)}`;
}

/** Whether the normalized value only repeats what the report wrote (`0.7个百分点` = `+0.7个百分点`). */
function repeats(text: string, label: string): boolean {
  const bare = (s: string) => s.replace(/[\s,，+＋余多约近超逾]/g, '').replace(/[–—~～至到]/g, '-');
  return bare(text) === bare(label);
}

export function figureHover(uri: string, report: Report, index: LineIndex, offset: number, language: Language): Hover | null {
  const claim = claimAt(report.claims, offset);
  if (!claim) return null;
  const zh = language === 'zh';
  const say = (t: { zh: string; en: string }) => (zh ? t.zh : t.en);
  const label = valueLabel(claim);
  const lines = [
    repeats(claim.text, label) ? `**${escapeMarkdown(claim.text)}**` : `**${escapeMarkdown(claim.text)}** = ${escapeMarkdown(label)}`,
    '',
    escapeMarkdown(
      [say(KIND[claim.kind]), claim.metric || (zh ? '指标未识别' : 'metric not recognized'), periodLabel(claim.period, language), say(MODALITY[claim.modality]), say(QUALIFIER[claim.qualifier])].join(' · '),
    ),
  ];
  // The hovered figure is not one of its own "other mentions", however often the model lists its span.
  const others = claim.metricKey
    ? report.claims.filter((c) => c.span.start !== claim.span.start && c.metricKey === claim.metricKey && c.kind === claim.kind)
    : [];
  if (others.length) {
    lines.push('', zh ? '同一指标的其他数据：' : 'Other figures for this metric:', '');
    for (const c of others.slice(0, 10)) {
      const line = index.lineAt(c.span.start) + 1;
      const where = zh ? `第${line}行` : `line ${line}`;
      lines.push(`- ${escapeMarkdown(`${c.text} · ${periodLabel(c.period, language)} · ${say(MODALITY[c.modality])}`)} · ${markdownLink(where, `${uri}#L${line}`)}`);
    }
    if (others.length > 10) lines.push(zh ? `- ……另有 ${others.length - 10} 处` : `- … ${others.length - 10} more`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(index, claim.span) };
}
