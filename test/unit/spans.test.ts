import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SpanCover } from '../../server/src/core/spans';

describe('SpanCover', () => {
  it('finds the span that contains another, in any order, nested or overlapping', () => {
    // 增长（3.5%）: the figure 0–6 and an overlapping one 4–9; a nested one 1–3.
    const cover = new SpanCover([{ start: 4, end: 9 }, { start: 0, end: 6 }, { start: 1, end: 3 }]);
    assert.equal(cover.covers({ start: 2, end: 5 }), true);
    assert.equal(cover.covers({ start: 5, end: 9 }), true);
    assert.equal(cover.covers({ start: 3, end: 8 }), false);
    assert.equal(cover.covers({ start: 9, end: 10 }), false);
    assert.equal(new SpanCover([]).covers({ start: 0, end: 0 }), false);
  });

  it('answers as a scan of every span would', () => {
    const span = fc.tuple(fc.nat(60), fc.nat(20)).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, probe) => {
        const scan = spans.some((s) => s.start <= probe.start && probe.end <= s.end);
        assert.equal(new SpanCover(spans).covers(probe), scan);
      }),
      { numRuns: 300 },
    );
  });
});
