// The catalogue's match data for the command line and the library, bundled into their build output so
// they read no file at start-up, and primed with its match index computed at build time (tokenizing and
// numbering every catalogue text was the largest part of the start-up). The site reads src/catalogue.ts instead.
import index from 'bouncedoc:catalogue-index';
import { primeCatalogue } from '../lib/bounce/match-entries.ts';
import type { MatchableEntry } from '../lib/bounce/types.ts';
import matchData from '../generated/match.json' with { type: 'json' };

export const bundledCatalogue: readonly MatchableEntry[] = matchData as MatchableEntry[];

primeCatalogue(bundledCatalogue, index);
