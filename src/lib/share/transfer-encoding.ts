// Content transfer encodings for redaction: base64 and quoted-printable (RFC 2045 section 6), the
// encoded words of header fields (RFC 2047), and UTF-8. Written here rather than borrowed from the
// MIME parser because redaction must also encode again, line by line, with the message's own line breaks.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map(Array.from(BASE64, (character, index) => [character, index]));

/** Base64 to bytes, skipping line breaks and anything outside the alphabet (as RFC 2045 asks). */
export function decodeBase64(text: string): Uint8Array {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of text) {
    if (character === '=') break;
    const value = BASE64_VALUES.get(character);
    if (value === undefined) continue;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** Bytes to base64 in lines of 76 characters. */
export function encodeBase64(bytes: Uint8Array, lineBreak: string): string {
  let out = '';
  let line = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    line += BASE64[(triple >> 18) & 63] ?? '';
    line += BASE64[(triple >> 12) & 63] ?? '';
    line += b === undefined ? '=' : (BASE64[(triple >> 6) & 63] ?? '');
    line += c === undefined ? '=' : (BASE64[triple & 63] ?? '');
    if (line.length >= 76) {
      out += line + lineBreak;
      line = '';
    }
  }
  return out + (line ? line + lineBreak : '');
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    let code = character.codePointAt(0) ?? 0xfffd;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
}

/** Quoted-printable to bytes: "=C3=A9" is one character, "=" at a line end joins two lines. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const joined = text.replace(/=[ \t]*(?:\r\n|\n|\r)/g, '');
  for (let index = 0; index < joined.length; index += 1) {
    const character = joined[index] ?? '';
    const hex = character === '=' ? joined.slice(index + 1, index + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...encodeUtf8(character));
    }
  }
  return Uint8Array.from(bytes);
}

/** Bytes to quoted-printable with lines of at most 76 characters. */
export function encodeQuotedPrintable(bytes: Uint8Array, lineBreak: string): string {
  let out = '';
  let line = '';
  const push = (piece: string): void => {
    if (line.length + piece.length > 75) {
      out += `${line}=${lineBreak}`;
      line = '';
    }
    line += piece;
  };
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 13 && bytes[index + 1] === 10) continue;
    if (byte === 10 || byte === 13) {
      // A space or tab before a line break would be lost in transport: encode it.
      if (/[ \t]$/.test(line)) line = `${line.slice(0, -1)}=${line.endsWith(' ') ? '20' : '09'}`;
      out += line + lineBreak;
      line = '';
      continue;
    }
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 || byte === 9;
    push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return out + line;
}

/** Decodes bytes in a charset, falling back to UTF-8 for a charset the platform does not know. */
export function decodeText(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** An encoded word, e.g. "=?UTF-8?B?SsO2cmc=?=" or "=?iso-8859-1?Q?J=F6rg?=". */
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** Decodes the encoded words of a header value; whitespace between two encoded words goes (RFC 2047 section 6.2). */
export function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(ENCODED_WORD, (_, charset: string, kind: string, data: string) => {
    const bytes = kind.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '));
    return decodeText(bytes, charset.replace(/\*.*$/, ''));
  });
}

/** A header value as ASCII: left as it is when it already is, else one UTF-8 encoded word per 45 bytes. */
export function encodeHeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const character of value) {
    if (encodeUtf8(chunk + character).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${encodeBase64(encodeUtf8(word), '').trim()}?=`).join(' ');
}
