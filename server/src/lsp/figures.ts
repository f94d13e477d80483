/** Figure hovers: what a number is, and where else the report gives the same metric. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { itemAt, type LineIndex } from '../core/text';
import { escapeMarkdown, markdownLink } from '../protocol/markdown';
import { toRange, type Language } from '../protocol/convert';
import { formatValue } from '../protocol/claims';

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

function valueLabel(c: Claim): string {
  const sign = (c.kind === 'growth' || c.kind === 'points') && c.value > 0 ? '+' : '';
  const range = c.max !== undefined ? ` – ${formatValue(c.max, c.unit)}` : '';
  return `${sign}${formatValue(c.value, c.unit)}${range}`;
}

export function figureHover(uri: string, report: Report, index: LineIndex, offset: number, language: Language): Hover | null {
  const claim = claimAt(report.claims, offset);
  if (!claim) return null;
  const zh = language === 'zh';
  const say = (t: { zh: string; en: string }) => (zh ? t.zh : t.en);
  const lines = [
    `**${escapeMarkdown(claim.text)}** = ${escapeMarkdown(valueLabel(claim))}`,
    '',
    escapeMarkdown(
      [say(KIND[claim.kind]), claim.metric || (zh ? '指标未识别' : 'metric not recognized'), periodLabel(claim.period, language), say(MODALITY[claim.modality]), say(QUALIFIER[claim.qualifier])].join(' · '),
    ),
  ];
  const others = claim.metricKey ? report.claims.filter((c) => c !== claim && c.metricKey === claim.metricKey && c.kind === claim.kind) : [];
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
