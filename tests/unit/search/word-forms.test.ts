// The word forms search treats as one word: the stemmer must give the same stem to the forms people type
// and leave codes, tags and domains alone; the swapped-letter typos must cover each neighbouring pair once.
import { describe, expect, it } from 'vitest';
import { stem, swapNeighbours } from '../../../src/lib/search/word-forms.ts';

describe('stem', () => {
  it.each([
    [['bounce', 'bounces', 'bounced', 'bouncing'], 'bounc'],
    [['fail', 'fails', 'failed', 'failing', 'failure'], 'fail'],
    [['block', 'blocks', 'blocked', 'blocking'], 'block'],
    [['mailbox', 'mailboxes'], 'mailbox'],
    [['address', 'addresses'], 'address'],
    [['defer', 'deferred', 'deferring'], 'defer'],
    [['policy', 'policies'], 'policy'],
    [['deferral', 'deferrals', 'deferred'], 'defer'],
    [['removal', 'remove', 'removed'], 'remov'],
  ])('gives %j one stem', (forms, expected) => {
    expect(forms.map(stem)).toEqual(forms.map(() => expected));
  });

  it('leaves short words, codes, tags and domains as they are', () => {
    expect(['email', 'signal', 'local'].map(stem)).toEqual(['email', 'signal', 'local']);
    expect(['spf', 'dns', 'tls', 'g17', 'tss04', '5.7.1', 'gmx.de', 'status', 'full', 'access'].map(stem)).toEqual(['spf', 'dns', 'tls', 'g17', 'tss04', '5.7.1', 'gmx.de', 'status', 'full', 'access']);
  });
});

describe('swapNeighbours', () => {
  it('swaps each neighbouring pair of different letters once', () => {
    expect(swapNeighbours('gmial')).toEqual(['mgial', 'gimal', 'gmail', 'gmila']);
    expect(swapNeighbours('full')).toEqual(['ufll', 'flul']);
  });
});
