// Share links carry the pasted bounce in the URL fragment (after #), compressed with lz-string, so the
// text never reaches any server: browsers do not send the fragment in requests.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export const SHARE_PARAMETER = 'bounce';
/** The largest bounce a share link carries, in characters before compression. */
export const SHARE_LIMIT = 100_000;

export function encodeShareFragment(text: string): string {
  return `${SHARE_PARAMETER}=${compressToEncodedURIComponent(text)}`;
}

export type SharedBounce = { ok: true; text: string } | { ok: false; error: string } | null;

/** Reads a fragment such as "#bounce=N4Ig..."; null when the fragment carries no bounce. */
export function decodeShareFragment(fragment: string): SharedBounce {
  const body = fragment.replace(/^#/, '');
  const prefix = `${SHARE_PARAMETER}=`;
  if (!body.startsWith(prefix)) return null;
  const payload = body.slice(prefix.length);
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload) || payload.length === 0) {
    return { ok: false, error: 'This share link is damaged: it contains characters a share link never has.' };
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text || text.includes('\uFFFD') || text.length > SHARE_LIMIT * 2) {
    return { ok: false, error: 'This share link is damaged or cut short, so the bounce in it cannot be read. Ask for the link again, or paste the bounce itself.' };
  }
  return { ok: true, text };
}
