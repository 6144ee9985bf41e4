// Share links (format v1): any text a person can paste comes back exactly, and a damaged, tampered,
// oversized, crafted or unknown-version link is refused with its own message, quickly and without
// inflating past the limit. The bomb is built bit by bit the way lz-string writes its stream: every code
// names the dictionary entry being created, so each entry is one character longer than the last.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ALPHABET, bombPayload } from '../../fixtures/share-bomb.ts';
import { checksumOf, decodeShareFragment, decompressBounded, encodeShareFragment, SHARE_ERRORS, SHARE_LIMIT } from '../../../src/lib/share/share-link.ts';

const roundTrip = (text: string): string | null => {
  const decoded = decodeShareFragment(`#${encodeShareFragment(text)}`);
  return decoded?.ok ? decoded.text : null;
};

describe('encodeShareFragment and decodeShareFragment', () => {
  it('round-trips U+FFFD, astral characters, NUL and lone surrogates', () => {
    for (const text of ['\uFFFD', 'a\u0000b', '😀 𝔘 ∑', '\uD800 lone', '550 5.1.1 \uFFFD\uFFFD user unknown', '\r\n\r\n']) {
      expect(roundTrip(text)).toBe(text);
    }
  });

  it('round-trips any string (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 400 })), (text) => {
        expect(roundTrip(text)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('writes the version and checksum first: "v1.<8 hex>.<payload>"', () => {
    expect(encodeShareFragment('550 5.1.1')).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9+\-$]+$/);
    expect(checksumOf('')).toBe('811c9dc5');
  });

  it('decodes exactly what lz-string decodes, up to the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        const payload = LZString.compressToEncodedURIComponent(text);
        expect(decompressBounded(payload, SHARE_LIMIT)).toEqual({ ok: true, text: LZString.decompressFromEncodedURIComponent(payload) });
      }),
      { numRuns: 200 },
    );
  });

  it('ignores fragments that carry no bounce', () => {
    expect(decodeShareFragment('')).toBeNull();
    expect(decodeShareFragment('#main')).toBeNull();
  });

  it('refuses a tampered link whose checksum does not match', () => {
    const fragment = encodeShareFragment('550 5.1.1 user unknown');
    const tampered = fragment.replace(/^v1\.([0-9a-f])/, (_, digit: string) => `v1.${digit === '0' ? '1' : '0'}`);
    expect(decodeShareFragment(tampered)).toEqual({ ok: false, error: SHARE_ERRORS.tampered });
  });

  it('refuses a link cut short or with foreign characters', () => {
    const fragment = encodeShareFragment('550 5.1.1 The email account that you tried to reach does not exist.');
    expect(decodeShareFragment(fragment.slice(0, -6))).toMatchObject({ ok: false });
    expect(decodeShareFragment(`${fragment}%20`)).toMatchObject({ ok: false });
    expect(decodeShareFragment('v1.zzzzzzzz.abc')).toEqual({ ok: false, error: SHARE_ERRORS.damaged });
  });

  it('names a newer version as such', () => {
    expect(decodeShareFragment('#v2.00000000.abc')).toEqual({ ok: false, error: SHARE_ERRORS.version });
  });

  it('stops a 100 KB link that would inflate to hundreds of megabytes at the limit, in milliseconds', () => {
    expect(LZString.decompressFromEncodedURIComponent(bombPayload(1000)).length).toBe((1001 * 1002) / 2);
    const payload = bombPayload(42_000);
    expect(payload.length).toBeGreaterThan(95_000);
    const started = performance.now();
    expect(decodeShareFragment(`#v1.00000000.${payload}`)).toEqual({ ok: false, error: SHARE_ERRORS.tooLarge });
    expect(decodeShareFragment(`#bounce=${payload}`)).toEqual({ ok: false, error: SHARE_ERRORS.tooLarge });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses 300 KB of random fragment', () => {
    const random = fc.sample(fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), minLength: 300_000, maxLength: 300_000 }), { numRuns: 1, seed: 7 })[0] ?? '';
    expect(decodeShareFragment(`#v1.0123abcd.${random}`)).toMatchObject({ ok: false });
  });

  it('still opens the older unversioned "#bounce=" links', () => {
    const text = '550 5.1.1 <bob@example.org>: Recipient address rejected';
    expect(decodeShareFragment(`#bounce=${LZString.compressToEncodedURIComponent(text)}`)).toEqual({ ok: true, text, legacy: true });
  });
});
