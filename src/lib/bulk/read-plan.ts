// Decides how the bulk reader treats each file it is given, from its name and first bytes: a zip
// archive is opened, an mbox (RFC 4155) is split message by message, anything else is one message.
// System files that folders and archives carry (".DS_Store", "__MACOSX/") are passed over.
import { looksLikeMbox } from '../mailbox/split-mbox.ts';

export type FileTreatment = 'zip' | 'mbox' | 'message';

/** Largest single message read, in bytes; a larger file that is not an mbox is listed as unreadable. */
export const MESSAGE_SIZE_LIMIT = 25 * 1024 * 1024;

// "PK\x03\x04": a zip local file header (APPNOTE section 4.3.7); "PK\x05\x06": an empty archive
const ZIP_MAGIC = [0x50, 0x4b];
// ".DS_Store", "Thumbs.db", "__MACOSX/x.eml", "folder/.hidden"
const SYSTEM_FILE = /(?:^|\/)(?:\.[^/]*|__MACOSX\/.*|Thumbs\.db|desktop\.ini)$/i;

/** Whether a path names a system or hidden file rather than a message. */
export const isSystemFile = (path: string): boolean => SYSTEM_FILE.test(path) || path.split('/').includes('__MACOSX');

/** How to read a file, from its name and its first bytes (at least 5). */
export function chooseTreatment(name: string, head: Uint8Array): FileTreatment {
  if (head[0] === ZIP_MAGIC[0] && head[1] === ZIP_MAGIC[1] && (head[2] === 0x03 || head[2] === 0x05)) return 'zip';
  if (/\.zip$/i.test(name) && head.length === 0) return 'zip';
  return looksLikeMbox(head) ? 'mbox' : 'message';
}
