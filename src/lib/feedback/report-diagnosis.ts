// What a "This answer is wrong" report can say about a diagnosis of a paste, each part offered separately:
// the answer shown (our own headlines and the catalogue entry that decided it; never a recipient) and the
// codes found (codes, provider tags and blocklist names, which are public facts). Pure: no DOM.
import type { Diagnosis } from '../bounce/types.ts';
import type { Reading } from '../verdict/read-verdicts.ts';

/** The report's title when the answer itself is not included. */
export const PASTE_REPORT_TITLE = 'diagnosis of a pasted bounce';

/** What the page said when it found no failure to explain, by the kind of text it read. */
const NO_BOUNCE: Record<Diagnosis['kind'], string> = {
  bounce: 'Read as a bounce, but no failure was found in it',
  delay: 'Read as a delay notice, with no failure found in it',
  vacation: 'Read as an automatic reply, not a bounce',
  feedback: 'Read as a spam complaint report, not a bounce',
  delivered: 'Read as a delivery confirmation, not a bounce',
  unknown: 'No bounce codes found in the text',
};

/** One line per verdict: "The address does not exist (userunknown, permanent, exact match; entry /bounces/...)". */
export function describeAnswer(reading: Reading, diagnosis: Diagnosis): string[] {
  if (reading.verdicts.length === 0) return [reading.question ? 'Read as a question, not a bounce' : NO_BOUNCE[diagnosis.kind]];
  return reading.verdicts.map((verdict) => {
    const facts = [verdict.reason, verdict.permanence, verdict.confidence];
    return `${verdict.headline} (${facts.join(', ')}${verdict.entry ? `; entry ${verdict.entry.url}` : ''})`;
  });
}

/** The distinct codes, tags and blocklist names found, in the order they stand in the text. */
export function listFoundCodes(diagnosis: Diagnosis): string[] {
  return [...new Set(diagnosis.codes.map((finding) => finding.value))];
}
