// Turns file bytes into text: UTF-8 when the bytes are valid UTF-8, otherwise Latin-1 (windows-1252),
// so 8-bit emails read sensibly. Binary data (NUL bytes) is reported rather than decoded.

export type DecodedBytes = { ok: true; text: string } | { ok: false; error: string };

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 8 || (byte > 13 && byte < 32 && byte !== 27)) controls += 1;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}

/** Decodes file bytes for diagnosis; a byte-order mark is dropped. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (looksBinary(bytes)) return { ok: false, error: 'binary file: not a text email or bounce message' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}
