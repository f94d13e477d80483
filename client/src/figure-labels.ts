/**
 * What a row of the figures view shows. Tree labels and descriptions are plain text in VS Code
 * (codicons are not rendered there), so the report's text is shown exactly as written: escaping
 * `$(` would show a stray backslash.
 */
export interface FigureRowText {
  readonly text: string;
  readonly value: number;
  readonly max: number | null;
  readonly unit: string;
  readonly metric: string;
  readonly period: string | null;
}

export function figureValue(r: FigureRowText): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return `${n(r.value)}${r.max !== null ? `–${n(r.max)}` : ''} ${r.unit}`;
}

export function figureLabel(r: FigureRowText): string {
  return `${r.metric || '—'}  ${r.text}`;
}

export function figureDescription(r: FigureRowText, modality: string): string {
  return `${figureValue(r)} · ${r.period ?? '?'} · ${modality}`;
}
