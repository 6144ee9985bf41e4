// The per-entry content rules, each on a good and a bad entry: the provider profile exists, articles
// exist, steps match actors, permanence is derived from the code (RFC 5321 4.2.1).
import { describe, expect, it } from 'vitest';
import { entryArticles } from '../../../src/lib/content/rules/entry-articles.ts';
import { entryPermanence } from '../../../src/lib/content/rules/entry-permanence.ts';
import { entryProvenance } from '../../../src/lib/content/rules/entry-provenance.ts';
import { entryProvider } from '../../../src/lib/content/rules/entry-provider.ts';
import { entrySteps } from '../../../src/lib/content/rules/entry-steps.ts';
import { makeContext, makeEntry } from './rule-fixture.ts';

describe('entryProvider', () => {
  it('accepts an entry whose folder has a provider profile', () => {
    expect(entryProvider.check(makeContext())).toEqual([]);
  });
  it('names the nearest profile for a folder with none', () => {
    const context = makeContext((content) => {
      content.entries = [{ ...makeEntry('x'), provider: 'rackspcae', path: 'content/bounces/rackspcae/x.md' }];
    });
    expect(entryProvider.check(context)).toEqual(['content/bounces/rackspcae/x.md: provider: no profile content/providers/rackspcae.md (did you mean rackspace?)']);
  });
});

describe('entryArticles', () => {
  it('accepts links to existing articles', () => {
    expect(entryArticles.check(makeContext())).toEqual([]);
  });
  it('refuses a missing article with a suggestion', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { articles: ['message-size-limit'] })];
    });
    expect(entryArticles.check(context)).toEqual(['content/bounces/rackspace/x.md: articles[0]: no article "message-size-limit" (did you mean message-size-limits?)']);
  });
});

describe('entrySteps', () => {
  it('accepts steps for exactly the actors', () => {
    expect(entrySteps.check(makeContext())).toEqual([]);
  });
  it('refuses an actor without steps and steps without an actor', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { actors: ['sender-admin'], steps: { sender: ['Send again.'] } })];
    });
    expect(entrySteps.check(context)).toEqual([
      'content/bounces/rackspace/x.md: steps.sender: "sender" is not listed in actors',
      'content/bounces/rackspace/x.md: actors[0]: no steps for "sender-admin"',
    ]);
  });
});

describe('entryPermanence', () => {
  it('accepts a coded entry without a permanence field', () => {
    expect(entryPermanence.check(makeContext())).toEqual([]);
  });
  it('refuses a stated permanence beside a code, and classes that disagree', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { reply: '450', enhanced: '5.3.4', permanence: 'temporary' })];
    });
    expect(entryPermanence.check(context)).toEqual([
      'content/bounces/rackspace/x.md: permanence: derived from the code; remove this field',
      'content/bounces/rackspace/x.md: enhanced: class 5 does not agree with reply code 450',
    ]);
  });
});

describe('entryProvenance', () => {
  it('accepts https sources and citations with a review day', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { sources: ['https://senders.yahooinc.com/error-codes', 'Rackspace support article'], reviewed: '2026-12-07' })];
    });
    expect(entryProvenance.check(context)).toEqual([]);
  });
  it('refuses an http source, a missing review day and a day that does not exist', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('x', { sources: ['http://example.com'] }), makeEntry('y', { sources: ['A manual'], reviewed: '2026-02-30' })];
    });
    expect(entryProvenance.check(context)).toEqual([
      'content/bounces/rackspace/x.md: sources[0]: "http://example.com" must be an https link or a plain citation',
      'content/bounces/rackspace/x.md: reviewed: say when the texts were last checked against the sources (YYYY-MM-DD)',
      'content/bounces/rackspace/y.md: reviewed: "2026-02-30" is not a real day',
    ]);
  });
});
