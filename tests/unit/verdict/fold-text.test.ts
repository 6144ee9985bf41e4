// Folding the pasted text: a short text is shown whole; a long one keeps the deciding code's line with
// its neighbours, and a single enormous line keeps only a window around the code.
import { describe, expect, it } from 'vitest';
import { foldAroundFindings } from '../../../src/lib/verdict/fold-text.ts';

describe('foldAroundFindings', () => {
  it('shows a short text whole', () => {
    const text = '550 5.1.1 User unknown';
    expect(foldAroundFindings(text, [{ start: 0, end: 3 }], null)).toEqual({ folded: false, segments: [{ start: 0, end: text.length }], lineCount: 1 });
  });

  it('keeps the code line and one line either side of a long text', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${String(i)}`);
    lines[20] = '550 5.1.1 User unknown';
    const text = lines.join('\n');
    const start = text.indexOf('550');
    const { folded, segments } = foldAroundFindings(text, [{ start, end: start + 3 }], null);
    expect(folded).toBe(true);
    expect(segments.map((segment) => text.slice(segment.start, segment.end))).toEqual(['line 19\n550 5.1.1 User unknown\nline 21']);
  });

  it('keeps a window around the code on one enormous line', () => {
    const text = `${'x'.repeat(5000)} 550 ${'y'.repeat(5000)}`;
    const start = text.indexOf('550');
    const { segments } = foldAroundFindings(text, [{ start, end: start + 3 }], null);
    expect(segments).toHaveLength(1);
    expect((segments[0]?.end ?? 0) - (segments[0]?.start ?? 0)).toBeLessThan(600);
  });
});
