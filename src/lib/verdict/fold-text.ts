// Folds a long pasted text to the lines that matter: the line of the deciding code first, then a few
// more lines with codes, each with one line of context (and at most a few hundred characters, since a
// bounce can be one enormous line). The reader can still expand the whole text. Pure.

/** A shown part of the text, as the half-open span [start, end). */
export type Segment = { start: number; end: number };

/** Lines with codes shown when folded, the deciding one included. */
const FOLDED_CODE_LINES = 3;
/** Characters kept on each side of a code on a very long line. */
const REACH = 240;
/** A text of at most this many lines is shown whole. */
const SHORT_TEXT_LINES = 8;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The segments to show when folded (in text order), and whether folding hides anything. */
export function foldAroundFindings(
  text: string,
  findings: readonly { start: number; end: number }[],
  primary: { start: number; end: number } | null,
): { folded: boolean; segments: Segment[]; lineCount: number } {
  const lineCount = countLines(text);
  const whole = { folded: false, segments: [{ start: 0, end: text.length }], lineCount };
  if (findings.length === 0 || (lineCount <= SHORT_TEXT_LINES && text.length <= REACH * 4)) return whole;
  const chosen: { start: number; end: number }[] = [];
  const lines = new Set<number>();
  for (const finding of primary ? [primary, ...findings] : findings) {
    const line = lineStart(text, finding.start);
    if (lines.has(line)) continue;
    lines.add(line);
    chosen.push(finding);
    if (chosen.length === FOLDED_CODE_LINES) break;
  }
  const spans = chosen
    .map((finding) => {
      const from = lineStart(text, finding.start);
      const before = from > 0 ? lineStart(text, from - 1) : from;
      const to = lineEnd(text, finding.end);
      const after = to < text.length ? lineEnd(text, to + 1) : to;
      return { start: Math.max(before, finding.start - REACH), end: Math.min(after, finding.end + REACH) };
    })
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  for (const span of spans) {
    const last = segments.at(-1);
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else segments.push({ ...span });
  }
  const shownLength = segments.reduce((sum, segment) => sum + segment.end - segment.start, 0);
  return shownLength >= text.length - 1 ? whole : { folded: true, segments, lineCount };
}
