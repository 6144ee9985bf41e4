// The engine as a library (`import { diagnoseBounce } from 'bouncedoc'`): the same pure code the site
// runs, with the catalogue's match data bundled as the default, so a caller needs nothing else. A caller
// with its own catalogue passes it as the second argument.
import { diagnoseBounce as diagnoseWith } from '../lib/bounce/diagnose.ts';
import type { DiagnoseOptions } from '../lib/bounce/diagnose.ts';
import type { Diagnosis, MatchableEntry } from '../lib/bounce/types.ts';
import { bundledCatalogue } from './bundled-catalogue.ts';

/** The catalogue's matchable entries shipped with this version. */
export const catalogue: readonly MatchableEntry[] = bundledCatalogue;

/** Diagnoses a bounce email or a fragment of one (as text); the bundled catalogue unless one is given. */
export function diagnoseBounce(input: string, entries: readonly MatchableEntry[] = catalogue, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  return diagnoseWith(input, entries, options);
}

export { decodeBytes } from '../lib/bounce/decode-bytes.ts';
export { extractCodes } from '../lib/bounce/extract-codes.ts';
export { matchEntries } from '../lib/bounce/match-entries.ts';
export type { DiagnoseOptions } from '../lib/bounce/diagnose.ts';
export type { Diagnosis, EntryMatch, Evidence, Finding, FindingKind, MatchableEntry, RecipientResult } from '../lib/bounce/types.ts';
