// An entry's folder names its provider; the provider list is the set of profiles in content/providers/,
// so a folder with no profile (a typo, or a provider never described) is refused with the nearest key.
import { suggest } from '../suggest.ts';
import type { ContentRule } from './rule.ts';

export const entryProvider: ContentRule = {
  name: 'entry-provider',
  check: ({ content }) =>
    content.entries
      .filter((entry) => !content.providers.has(entry.provider))
      .map((entry) => `${entry.path}: provider: no profile content/providers/${entry.provider}.md${suggest(entry.provider, content.providers.keys())}`),
};
