// Splits an mbox mailbox (RFC 4155 "application/mbox") into its messages as the bytes arrive, so a
// mailbox of any size is read with memory bounded by its largest message. A message starts at a
// "From " line at the start of the file or after a blank line; lines of the form ">From " (mboxrd:
// ">>From ") lose one ">" (the quoting mail programs add when they store a body line "From ...").
// Pure: the same code runs in Node (the command line streams files) and in a Web Worker (the bulk page).

export type MboxMessage = {
  /** 0-based position of the message in the mailbox. */
  index: number;
  /** Byte offset of the message's "From " line in the mailbox. */
  offset: number;
  /** The message without its "From " line, unescaped. */
  bytes: Uint8Array;
};

const NL = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
// "From " as bytes
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20];

function startsWithFrom(buffer: Uint8Array, at: number, end: number): boolean {
  if (at + FROM.length > end) return false;
  for (let i = 0; i < FROM.length; i += 1) if (buffer[at + i] !== FROM[i]) return false;
  return true;
}

/** Whether bytes begin like an mbox file: a "From " separator line (after optional blank lines). */
export function looksLikeMbox(head: Uint8Array): boolean {
  let at = 0;
  while (at < head.length && (head[at] === NL || head[at] === CR)) at += 1;
  return startsWithFrom(head, at, head.length);
}

// ">From x" -> "From x", ">>From x" -> ">From x", at the start of every line
function unescapeFromLines(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let write = 0;
  let changed = false;
  for (let read = 0; read < bytes.length; read += 1) {
    if (bytes[read] === GT && (read === 0 || bytes[read - 1] === NL)) {
      let quotes = read;
      while (quotes < bytes.length && bytes[quotes] === GT) quotes += 1;
      if (startsWithFrom(bytes, quotes, bytes.length)) {
        changed = true;
        continue; // drop one ">"
      }
    }
    out[write] = bytes[read] as number;
    write += 1;
  }
  return changed ? out.subarray(0, write) : bytes;
}

/**
 * Incremental splitter: `push` each chunk as it is read and take the messages it completes, then `end`
 * for the last one. Offsets count bytes from the start of the mailbox.
 */
export class MboxSplitter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  /** Mailbox offset of buffer[0]. */
  private base = 0;
  /** Where the next separator search starts (buffer index). */
  private scan = 0;
  /** Buffer index of the current message's "From " line, or -1 before the first separator. */
  private current = -1;
  private index = 0;
  private checkedStart = false;

  push(chunk: Uint8Array): MboxMessage[] {
    this.append(chunk);
    return this.drain(false);
  }

  end(): MboxMessage[] {
    return this.drain(true);
  }

  private append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      let size = this.buffer.length;
      while (size < this.length + chunk.length) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  // A separator at i: "From " at the start of the buffer's first line, or after "\n\n" / "\n\r\n".
  private isSeparator(i: number): boolean {
    if (!startsWithFrom(this.buffer, i, this.length)) return false;
    if (this.current < 0 && this.base === 0 && this.buffer.subarray(0, i).every((b) => b === NL || b === CR)) return true;
    if (i < 2 || this.buffer[i - 1] !== NL) return false;
    const before = this.buffer[i - 2];
    return before === NL || (before === CR && i >= 3 && this.buffer[i - 3] === NL);
  }

  private lineEnd(from: number): number {
    const at = this.buffer.indexOf(NL, from);
    return at === -1 || at >= this.length ? -1 : at;
  }

  private message(from: number, to: number, last = false): MboxMessage {
    const fromLineEnd = this.lineEnd(from);
    const bodyStart = fromLineEnd === -1 ? to : Math.min(fromLineEnd + 1, to);
    // the blank line before the next separator belongs to the separator
    let bodyEnd = to;
    // at the end of the mailbox only a blank line (two line ends) is the separator's
    const blankLineAtEnd = to - bodyStart >= 2 && this.buffer[to - 1] === NL && (this.buffer[to - 2] === NL || (this.buffer[to - 2] === CR && this.buffer[to - 3] === NL));
    if ((!last || blankLineAtEnd) && bodyEnd > bodyStart && this.buffer[bodyEnd - 1] === NL) {
      bodyEnd -= 1;
      if (bodyEnd > bodyStart && this.buffer[bodyEnd - 1] === CR) bodyEnd -= 1;
    }
    const bytes = unescapeFromLines(this.buffer.slice(bodyStart, bodyEnd));
    return { index: this.index++, offset: this.base + from, bytes };
  }

  private drain(final: boolean): MboxMessage[] {
    const found: MboxMessage[] = [];
    let i = this.scan;
    // a separator needs its whole "From " and the line before it; leave the last few bytes for the next chunk
    const limit = final ? this.length : this.length - FROM.length;
    if (!this.checkedStart && (final || limit >= 0)) {
      this.checkedStart = true;
      if (this.isSeparator(0)) this.current = 0;
    }
    for (;;) {
      const newline = this.buffer.indexOf(NL, i);
      if (newline === -1 || newline >= this.length) {
        i = this.length;
        break;
      }
      const candidate = newline + 1;
      if (candidate > limit) {
        i = newline; // look at this line start again when more bytes have come
        break;
      }
      if (this.isSeparator(candidate)) {
        if (this.current >= 0) found.push(this.message(this.current, candidate));
        this.current = candidate;
      }
      i = candidate;
    }
    this.scan = i;
    if (final) {
      if (this.current >= 0 && this.current < this.length) {
        found.push(this.message(this.current, this.length, true));
      } else if (this.current < 0 && this.length > 0) {
        // no separator at all: the whole input is one message
        found.push({ index: this.index++, offset: this.base, bytes: this.buffer.slice(0, this.length) });
      }
      this.reset();
    } else {
      this.compact();
    }
    return found;
  }

  // Drop what has been emitted (everything before the current message) so memory stays bounded.
  private compact(): void {
    const keepFrom = this.current >= 0 ? this.current : 0;
    if (keepFrom === 0) return;
    this.buffer.copyWithin(0, keepFrom, this.length);
    this.length -= keepFrom;
    this.base += keepFrom;
    this.scan -= keepFrom;
    this.current -= keepFrom;
  }

  private reset(): void {
    this.base += this.length;
    this.length = 0;
    this.scan = 0;
    this.current = -1;
  }
}

/** Splits a whole mailbox held in memory. */
export function splitMbox(bytes: Uint8Array): MboxMessage[] {
  const splitter = new MboxSplitter();
  return [...splitter.push(bytes), ...splitter.end()];
}
