// The content rules, run in this order by the content step; each prints its own `file: field: problem` lines.
import { codeNotes } from './code-notes.ts';
import { entryArticles } from './entry-articles.ts';
import { entryPermanence } from './entry-permanence.ts';
import { entryProvenance } from './entry-provenance.ts';
import { entryProvider } from './entry-provider.ts';
import { entrySteps } from './entry-steps.ts';
import { links } from './links.ts';
import { noRawHtml } from './no-raw-html.ts';
import { oneCause } from './one-cause.ts';
import type { ContentRule } from './rule.ts';
import { uniqueTexts } from './unique-texts.ts';

export const CONTENT_RULES: readonly ContentRule[] = [
  entryProvider,
  entryArticles,
  entrySteps,
  entryPermanence,
  entryProvenance,
  uniqueTexts,
  oneCause,
  codeNotes,
  noRawHtml,
  links,
];
