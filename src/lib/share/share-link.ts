// Share links carry the bounce in the URL fragment (after #), which browsers never send to a server.
// Format v1: "#v1.<checksum>.<payload>", where payload is lz-string's URI-safe compression of the text
// and checksum is FNV-1a (32 bits, 8 hex digits) over the text's UTF-16 code units, so a cut, edited or
// corrupted link is refused instead of shown wrong. Decompression is bounded: the decoder below stops as
// soon as the output passes DECODED_LIMIT characters, so a crafted link cannot inflate to gigabytes
// (lz-string's own decoder checks nothing until the end). Links of the older form "#bounce=<payload>"
// (no version, no checksum) are still opened, through the same bounded decoder.
import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;

export const SHARE_VERSION = 'v1';
/** The largest text a share link carries, in characters. */
export const SHARE_LIMIT = 150_000;
/** The decoder gives up past this many characters of output (the text limit, plus room for nothing). */
export const DECODED_LIMIT = SHARE_LIMIT;
/** The longest fragment read at all (a v1 link of SHARE_LIMIT characters is far shorter). */
export const FRAGMENT_LIMIT = 600_000;
const LEGACY_PREFIX = 'bounce=';

/** lz-string's URI-safe alphabet: six bits per character. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const ALPHABET_VALUES = new Map(Array.from(ALPHABET, (character, index) => [character, index]));

/** FNV-1a over UTF-16 code units, as 8 hex digits; e.g. "" -> "811c9dc5". */
export function checksumOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The fragment (without "#") of a share link for this text. */
export function encodeShareFragment(text: string): string {
  return `${SHARE_VERSION}.${checksumOf(text)}.${compressToEncodedURIComponent(text)}`;
}

type Decompressed = { ok: true; text: string } | { ok: false; problem: 'damaged' | 'too-large' };

/**
 * lz-string's decompressFromEncodedURIComponent, with two changes: it stops with "too-large" once the
 * output passes `limit` characters, and it reports a damaged stream instead of returning partial text.
 */
export function decompressBounded(payload: string, limit: number): Decompressed {
  const values: number[] = [];
  for (const character of payload.replace(/ /g, '+')) {
    const value = ALPHABET_VALUES.get(character);
    if (value === undefined) return { ok: false, problem: 'damaged' };
    values.push(value);
  }
  if (values.length === 0) return { ok: false, problem: 'damaged' };
  const resetValue = 32;
  let val = values[0] ?? 0;
  let position = resetValue;
  let index = 1;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < count; n += 1, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = values[index] ?? 0;
        index += 1;
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first === 2) return { ok: true, text: '' };
  if (first !== 0 && first !== 1) return { ok: false, problem: 'damaged' };
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let length = w.length;
  for (;;) {
    if (index > values.length) return { ok: false, problem: 'damaged' };
    let code = readBits(numBits);
    if (code === 2) return { ok: true, text: result.join('') };
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      enlargeIn -= 1;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
    let entry: string;
    if (code < dictionary.length && code >= 3) entry = dictionary[code] ?? '';
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return { ok: false, problem: 'damaged' };
    length += entry.length;
    if (length > limit) return { ok: false, problem: 'too-large' };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn -= 1;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
}

export type SharedBounce = { ok: true; text: string; legacy: boolean } | { ok: false; error: string };

export const SHARE_ERRORS = {
  damaged: 'This share link is damaged or cut short, so the bounce in it cannot be read. Ask for the link again (copy it whole), or paste the bounce itself.',
  tampered: 'This share link was changed after it was made: its check digits do not match the bounce in it, so it is not shown. Ask for the link again, or paste the bounce itself.',
  tooLarge: `This share link holds more than Bouncedoc opens from a link (${String(SHARE_LIMIT / 1000)} KB of text), so it was not opened. Paste the bounce itself instead.`,
  version: 'This share link was made by a newer version of Bouncedoc. Reload the page to update, then open the link again.',
} as const;

/** Whether a fragment (with or without "#") claims to carry a shared bounce, in any version. */
export function isShareFragment(fragment: string): boolean {
  const body = fragment.replace(/^#/, '');
  return /^v\d+\./.test(body) || body.startsWith(LEGACY_PREFIX);
}

/** Reads a share fragment such as "#v1.0a1b2c3d.N4Ig..."; null when the fragment carries no bounce. */
export function decodeShareFragment(fragment: string): SharedBounce | null {
  const body = fragment.replace(/^#/, '');
  if (!isShareFragment(body)) return null;
  if (body.length > FRAGMENT_LIMIT) return { ok: false, error: SHARE_ERRORS.tooLarge };
  if (body.startsWith(LEGACY_PREFIX)) {
    const decoded = decompressBounded(body.slice(LEGACY_PREFIX.length), DECODED_LIMIT);
    if (!decoded.ok) return { ok: false, error: decoded.problem === 'too-large' ? SHARE_ERRORS.tooLarge : SHARE_ERRORS.damaged };
    return decoded.text === '' ? { ok: false, error: SHARE_ERRORS.damaged } : { ok: true, text: decoded.text, legacy: true };
  }
  // "v1.0a1b2c3d.N4Ig..."
  const parts = /^v(\d+)\.([0-9a-f]{8})\.(.*)$/s.exec(body);
  if (!body.startsWith(`${SHARE_VERSION}.`)) return { ok: false, error: /^v\d+\./.test(body) && Number(/^v(\d+)/.exec(body)?.[1]) > 1 ? SHARE_ERRORS.version : SHARE_ERRORS.damaged };
  if (!parts) return { ok: false, error: SHARE_ERRORS.damaged };
  const [, , checksum = '', payload = ''] = parts;
  const decoded = decompressBounded(payload, DECODED_LIMIT);
  if (!decoded.ok) return { ok: false, error: decoded.problem === 'too-large' ? SHARE_ERRORS.tooLarge : SHARE_ERRORS.damaged };
  if (checksumOf(decoded.text) !== checksum) return { ok: false, error: SHARE_ERRORS.tampered };
  return { ok: true, text: decoded.text, legacy: false };
}
