/**
 * Targets and results in figure hovers: on a target figure, its result and status from the next
 * report; on a result figure, the target it answers; on a figure an evidence table also gives, the
 * table's value and source. The service says what the figure is to the pair; this file writes it
 * as escaped Markdown, each entry a paragraph, with links to the other places.
 */
import type { LineIndex } from '../core/text';
import type { FigureInPair } from '../service';
import { say, type Language } from '../protocol/convert';
import { escapeMarkdown, markdownLink } from '../protocol/markdown';
import { statusLabel } from '../protocol/targets';

export function targetHoverLines(figure: FigureInPair, language: Language): string[] {
  const zh = language === 'zh';
  const colon = zh ? '：' : ': ';
  const lineLink = (uri: string, index: LineIndex, start: number, label: { zh: string; en: string }) => {
    const line = index.lineAt(start) + 1;
    return markdownLink(zh ? `${label.zh}第${line}行` : `${label.en} line ${line}`, `${uri}#L${line}`);
  };
  const out: string[] = [];
  if (figure.answers) {
    const { row, previous } = figure.answers;
    out.push(
      `**${zh ? '回应的上一年目标' : 'Answers last year’s target'}**${colon}${escapeMarkdown(row.target.text)} · ${escapeMarkdown(statusLabel(row.status, language))} · ${lineLink(previous.uri, previous.index, row.target.span.start, { zh: '上一年报告', en: 'previous report,' })}`,
      escapeMarkdown(say(row.reason, language)),
    );
  }
  if (figure.answeredBy) {
    const { row, next } = figure.answeredBy;
    const result = row.result
      ? `${escapeMarkdown(row.result.text)} · ${lineLink(next.uri, next.index, row.result.span.start, { zh: '下一年报告', en: 'next report,' })}`
      : escapeMarkdown(zh ? '（未报告结果）' : '(no result reported)');
    out.push(`**${zh ? '下一年报告的结果' : 'Result in the next report'}**${colon}${result} · ${escapeMarkdown(statusLabel(row.status, language))}`, escapeMarkdown(say(row.reason, language)));
  }
  if (figure.evidence) {
    const { match, table } = figure.evidence;
    const source = match.row.source ? ` · ${zh ? '来源' : 'source'}${colon}${escapeMarkdown(match.row.source)}` : '';
    const where = table ? ` · ${markdownLink(zh ? `${table.name} 第${match.row.line}行` : `${table.name} line ${match.row.line}`, `${table.uri}#L${match.row.line}`)}` : '';
    const verdict = match.agrees ? (zh ? '一致' : 'agrees') : zh ? '不一致' : 'differs';
    out.push(`**${zh ? '证据表' : 'Evidence table'}**${colon}${escapeMarkdown(`${match.row.metric} ${match.row.period} ${match.row.written}`)} · ${verdict}${source}${where}`);
  }
  return out;
}
