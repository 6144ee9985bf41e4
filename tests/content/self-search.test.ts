// Content and search test each other: every catalogue entry is among the first entries found by its code
// together with a few words of its own bounce text (and its provider's name), so a new entry that search
// cannot reach fails here. Guides and causes may rank above entries; they are not counted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/lib/content/build.ts';
import { createSearcher, tokenize } from '../../src/lib/search/search.ts';

const docs = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchDocument[];
const search = createSearcher(docs);
const entries = docs.filter((doc) => doc.kind === 'entry');

/** How many entries contain each word: the rarest words of a text say the most about it. */
const frequency = new Map<string, number>();
for (const doc of entries) for (const word of new Set(doc.texts.flatMap(tokenize))) frequency.set(word, (frequency.get(word) ?? 0) + 1);

function queryFor(doc: SearchDocument): string {
  const code = doc.tag ?? doc.codes.at(-1) ?? '';
  const words = [...new Set(tokenize(doc.texts[0] ?? ''))]
    .filter((word) => /^[a-z]{4,}$/.test(word) && !['example', 'domain', 'user', 'email'].includes(word))
    .sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0))
    .slice(0, 3);
  const provider = tokenize(doc.provider)[0] ?? '';
  return [provider, code, ...words].join(' ').trim();
}

describe('every catalogue entry', () => {
  it('is among the first five entries found by its provider, its code and a few of its words', () => {
    const lost: string[] = [];
    for (const doc of entries) {
      const query = queryFor(doc);
      const ids = search(query, 12)
        .filter((hit) => hit.doc.kind === 'entry')
        .slice(0, 5)
        .map((hit) => hit.doc.id);
      if (!ids.includes(doc.id)) lost.push(`${doc.id}: "${query}" -> ${ids.join(', ')}`);
    }
    expect(lost).toEqual([]);
  });
});

describe('every search document', () => {
  it('carries plain text, not HTML: no character references left from the rendered pages', () => {
    const leftovers = docs.flatMap((doc) =>
      [doc.title, doc.summary, ...doc.texts, ...doc.keywords]
        .filter((text) => /&(?:#\d+|#x[0-9a-f]+|[a-z]+);|&\d+;/i.test(text))
        .map((text) => `${doc.id}: ${text.slice(0, 80)}`),
    );
    expect(leftovers).toEqual([]);
  });
});
