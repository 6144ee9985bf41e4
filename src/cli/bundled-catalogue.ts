// The catalogue's match data for the command line and the library, bundled into their build output so
// they read no file at start-up. The site reads generated data through src/catalogue.ts instead.
import type { MatchableEntry } from '../lib/bounce/types.ts';
import matchData from '../generated/match.json' with { type: 'json' };

export const bundledCatalogue: readonly MatchableEntry[] = matchData as MatchableEntry[];
