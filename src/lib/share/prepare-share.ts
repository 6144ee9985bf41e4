// Everything between "Share" and a link: redact (unless the reader chose to share the text unchanged),
// check the length a link can hold, and compress into the v1 fragment. Pure, so the page can run it in
// a Web Worker (src/workers/share-prepare.worker.ts): redacting a 2 MB paste takes seconds, and
// compressing 150 KB is itself noticeable, so neither may run on the page's thread.
import { redactBounce, type RedactionReport } from './redact.ts';
import { encodeShareFragment, SHARE_LIMIT } from './share-link.ts';

export type ShareRequest = { text: string; publicHosts: readonly string[]; dropOriginal: boolean; unchanged: boolean };

export type PreparedShare =
  /** `report` is null when the text is shared unchanged. */
  | { ok: true; fragment: string; text: string; report: RedactionReport | null }
  /** The text the link would carry is longer than SHARE_LIMIT characters. */
  | { ok: false; length: number };

/** Redacts (unless `unchanged`) and encodes a bounce for a share link. */
export function prepareShare({ text, publicHosts, dropOriginal, unchanged }: ShareRequest): PreparedShare {
  const redaction = unchanged ? null : redactBounce(text, { publicHosts, dropOriginal });
  const sharedText = redaction ? redaction.text : text;
  if (sharedText.length > SHARE_LIMIT) return { ok: false, length: sharedText.length };
  return { ok: true, fragment: encodeShareFragment(sharedText), text: sharedText, report: redaction?.report ?? null };
}
