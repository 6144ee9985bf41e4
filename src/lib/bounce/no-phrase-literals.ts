// The site's stand-in for phrase-literals.ts (vite.config.ts resolves that module here): the build-time
// table of the phrase prefilter stays out of the page's engine, whose download it would grow by about a
// third, and the lexicon then earns its prefilter by use as before (reason-lexicon.ts PREFILTER_AFTER_SCANS).
import type { PROVIDER_GATES as GATES, TERM_LITERALS as TABLE } from './phrase-literals.ts';

export const TERM_LITERALS: typeof TABLE = [];

export const PROVIDER_GATES: typeof GATES = null;
