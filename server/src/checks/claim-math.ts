/** Arithmetic on claims that several checks share: the precision a figure is written to, and tolerant comparison. */
import type { Claim } from '../core/claims';
import type { LineIndex } from '../core/text';

/**
 * Half of the last written digit, in the claim's unit: `18.18亿元` → 0.005亿 = 500,000 元;
 * `1.1万人` → 500 人. Two figures that differ by less than this are the same figure rounded.
 */
export function halfStep(c: Claim): number {
  let step = halfSteps.get(c);
  if (step === undefined) halfSteps.set(c, (step = writtenHalfStep(c)));
  return step;
}

// A claim never changes, and figure-conflict asks for the same claim's interval once per comparison.
const halfSteps = new WeakMap<Claim, number>();
const intervals = [new WeakMap<Claim, readonly [number, number]>(), new WeakMap<Claim, readonly [number, number]>()];

function writtenHalfStep(c: Claim): number {
  const written = /[0-9０-９]+(?:[.．]([0-9０-９]+))?/.exec(c.text);
  if (!written) return Math.abs(c.value) * 0.005;
  const number = Number(written[0].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace('．', '.'));
  const decimals = written[1]?.length ?? 0;
  const scale = number !== 0 ? Math.abs(c.value / number) : 1;
  // A one-digit figure (7%, 3万人) is a statement, not a rounding: reports round 18.18 to 18.2,
  // not 6.5 to 7.
  const significant = written[0].replace(/^[0０.．]+/, '').replace(/[.．]/, '').length;
  if (significant < 2) return Math.abs(c.value) * 1e-9;
  // A count written out in full (28项) is exact; 1.1万人 is rounded.
  if (c.kind === 'count' && decimals === 0 && scale === 1) return 1e-9;
  return 0.5 * 10 ** -decimals * scale;
}

/** The interval a claim allows: exact ± rounding, 约 ± 5 %, 以上 from the value up, 以内 up to it. */
export function interval(c: Claim, boundsAsValues = false): readonly [number, number] {
  const kept = intervals[boundsAsValues ? 1 : 0];
  let found = kept.get(c);
  if (!found) kept.set(c, (found = claimInterval(c, boundsAsValues)));
  return found;
}

function claimInterval(c: Claim, boundsAsValues: boolean): [number, number] {
  const lo = Math.min(c.value, c.max ?? c.value);
  const hi = Math.max(c.value, c.max ?? c.value);
  const step = halfStep(c);
  // 290余件, 6000多名: at least the figure, short of the next step of its last non-zero digit.
  const rough = /^([0-9]+)(?:[余多])|^([0-9]+)[万亿千]+[余多]/.exec(c.text);
  if (rough && c.qualifier === 'atLeast') {
    const digits = rough[1] ?? rough[2];
    const zeros = /0*$/.exec(digits)![0].length;
    const scale = Number(digits) !== 0 ? c.value / Number(digits) : 1;
    return [lo - step, hi + 10 ** zeros * scale];
  }
  switch (boundsAsValues && (c.qualifier === 'atLeast' || c.qualifier === 'atMost') ? 'exact' : c.qualifier) {
    case 'approx':
      return [lo - Math.abs(lo) * 0.05 - step, hi + Math.abs(hi) * 0.05 + step];
    case 'atLeast':
      return [lo - step, Infinity];
    case 'atMost':
      return [-Infinity, hi + step];
    default:
      return [lo - step, hi + step];
  }
}

/**
 * Whether one true value can be written as both figures. With `boundsAsValues`, 以上 and 以内 are
 * read as the figure itself: two targets `控制在3.5%以内` and `控制在4%以内` are different targets. Intervals that only touch do not count:
 * 1.1万 and 1.2万 would need 11,500 to round both down and up.
 */
export function compatible(a: Claim, b: Claim, boundsAsValues = false): boolean {
  const [a0, a1] = interval(a, boundsAsValues);
  const [b0, b1] = interval(b, boundsAsValues);
  const epsilon = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  return a0 < b1 - epsilon && b0 < a1 - epsilon;
}

export function lineOf(index: LineIndex, c: Claim): number {
  return index.lineAt(c.span.start) + 1;
}
