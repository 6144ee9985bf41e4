// The removal list: only permanent failures of the address itself, each address once.
import { describe, expect, it } from 'vitest';
import { listAddressesToRemove, shouldRemove } from '../../../src/lib/bulk/removal.ts';
import { recipient } from './report-fixtures.ts';

describe('shouldRemove', () => {
  it.each([
    ['userunknown', true, true],
    ['hostunknown', true, true],
    ['hasmoved', true, true],
    ['notaccept', true, true],
    ['suspend', true, true],
    ['suppressed', true, true],
    ['userunknown', false, false],
    ['userunknown', null, false],
    ['mailboxfull', true, false],
    ['blocked', true, false],
    ['spamdetected', true, false],
    ['authfailure', true, false],
  ] as const)('%s with permanent %s: %s', (reason, permanent, expected) => {
    expect(shouldRemove(recipient({ reason, permanent }))).toBe(expected);
  });

  it('never lists a failure without an address', () => {
    expect(shouldRemove(recipient({ address: '' }))).toBe(false);
  });
});

describe('listAddressesToRemove', () => {
  it('lists each address once, lower case, sorted', () => {
    expect(listAddressesToRemove([recipient({ address: 'Zed@Example.com' }), recipient({ address: 'ann@example.com' }), recipient({ address: 'zed@example.com' })])).toEqual([
      'ann@example.com',
      'zed@example.com',
    ]);
  });
});
