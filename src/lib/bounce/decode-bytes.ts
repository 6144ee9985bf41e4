// Turns file bytes into text: UTF-16 when a byte-order mark (or the zero byte of every other position)
// says so, UTF-8 when the bytes are UTF-8 (a few broken sequences in otherwise UTF-8 text are replaced,
// not taken as a sign of another charset), otherwise windows-1252, the charset of most 8-bit mail
// (WHATWG Encoding: it is also what "iso-8859-1" means). Binary data (an image, an archive, a PDF, or
// bytes dense in control characters) is reported rather than decoded; a stray NUL or a few control
// bytes in a text email are not binary.

export type DecodedBytes = { ok: true; text: string } | { ok: false; error: string };

const SAMPLE = 65_536;

// File signatures of formats people drop by mistake: PNG, JPEG, GIF, PDF, ZIP (docx, xlsx), gzip, 7z, RAR
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // "\x89PNG"
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // "GIF8"
  [0x25, 0x50, 0x44, 0x46, 0x2d], // "%PDF-"
  [0x50, 0x4b, 0x03, 0x04], // "PK\x03\x04" (ZIP, docx, xlsx)
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // "Rar!"
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

// A control byte is one text never holds: everything below 32 except tab, LF, VT, FF, CR and ESC (ISO-2022-JP).
function isControl(byte: number): boolean {
  return byte < 9 || (byte > 13 && byte < 32 && byte !== 27);
}

/** Binary: a known file signature, or control bytes making up a twentieth of the sample (and more than a few). */
function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls += 1;
  return controls >= Math.max(4, sample.length / 20);
}

// UTF-16 without a byte-order mark: ASCII-range text has a zero byte at every other position.
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

// windows-1252's 0x80-0x9F (WHATWG Encoding index): "€", "‚", "ƒ", ... "Ÿ". Decoded here rather than by
// TextDecoder, since some runtimes decode the label "windows-1252" as plain Latin-1 (C1 controls).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const byte = chunk[j] ?? 0;
      chars[j] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
    }
    out += chars.join('');
  }
  return out;
}

// Counts well-formed UTF-8 multi-byte sequences and bytes that belong to none: text that is mostly
// UTF-8 with a stray bad byte keeps its UTF-8 letters; 8-bit text in another charset has few valid sequences.
function utf8Tally(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 1) {
      i += 1;
      continue;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      sequences += 1;
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { sequences, invalid };
}

function utf16Of(bytes: Uint8Array): { label: 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (startsWith(bytes, [0xff, 0xfe])) return { label: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { label: 'utf-16be', skip: 2 };
  const guessed = guessUtf16(bytes);
  return guessed ? { label: guessed, skip: 0 } : null;
}

/** Decodes bytes known to be text (a MIME part): UTF-16, UTF-8 or windows-1252, as decodeBytes would; never refuses. */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16.label).decode(bytes.subarray(utf16.skip));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const { sequences, invalid } = utf8Tally(body.subarray(0, SAMPLE * 4));
    return sequences >= 4 * invalid ? new TextDecoder('utf-8').decode(body) : decodeWindows1252(body);
  }
}

/** Decodes file bytes for diagnosis; a byte-order mark is dropped; binary files are refused. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (utf16Of(bytes) === null && looksBinary(bytes)) return { ok: false, error: 'binary file: not a text email or bounce message' };
  return { ok: true, text: decodeText(bytes) };
}
