// One literal text, one entry and one cause: the same text may not be claimed twice, and the same
// message (codes, addresses and hosts aside) may not carry two reasons.
import { describe, expect, it } from 'vitest';
import { messageCore, oneCause } from '../../../src/lib/content/rules/one-cause.ts';
import { uniqueTexts } from '../../../src/lib/content/rules/unique-texts.ts';
import { makeContext, makeEntry } from './rule-fixture.ts';

describe('uniqueTexts', () => {
  it('accepts entries with different texts', () => {
    const context = makeContext((content) => {
      content.entries.push(makeEntry('other', { texts: ['550 5.3.4 Message size exceeds fixed limit'] }));
    });
    expect(uniqueTexts.check(context)).toEqual([]);
  });
  it('refuses a text another entry claims, whatever its case and spacing', () => {
    const context = makeContext((content) => {
      content.entries.push(makeEntry('other', { texts: ['550  5.3.4 message TOO large (G17)'] }));
    });
    expect(uniqueTexts.check(context)).toEqual([
      'content/bounces/rackspace/other.md: texts[0]: the same literal text is already claimed by content/bounces/rackspace/g17-message-too-large.md',
    ]);
  });
});

describe('messageCore', () => {
  it('sets aside codes, addresses, hosts and numbers but keeps bracketed tags apart', () => {
    expect(messageCore('504 5.5.2 <user@nonqualifieddomain>: Sender address rejected: need fully-qualified address')).toBe(
      'sender address rejected need fully qualified address',
    );
    expect(messageCore('554 5.7.1 [CS01] Message rejected due to local policy.')).not.toBe(messageCore('554 5.7.1 [HM08] Message rejected due to local policy.'));
  });
});

describe('oneCause', () => {
  const text = (code: string) => `${code} <a@b.example>: Sender address rejected: need fully-qualified address`;
  it('accepts the same message with the same reason in two entries', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('a', { texts: [text('504 5.5.2')], reason: 'rejected' }), makeEntry('b', { texts: [text('550 5.5.2')], reason: 'rejected' })];
    });
    expect(oneCause.check(context)).toEqual([]);
  });
  it('refuses the same message with two reasons', () => {
    const context = makeContext((content) => {
      content.entries = [makeEntry('a', { texts: [text('504 5.5.2')], reason: 'rejected' }), makeEntry('b', { texts: [text('550 5.5.2')], reason: 'syntaxerror' })];
    });
    expect(oneCause.check(context)).toEqual([
      'content/bounces/rackspace/b.md: texts[0]: the same message has reason syntaxerror here and rejected in content/bounces/rackspace/a.md; one message has one cause',
    ]);
  });
});
