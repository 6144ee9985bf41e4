// Changes made to postal-mime's code when the command line and the library are bundled (esbuild plugin
// below). Each one replaces an exact piece of the library's source; when an upgrade changes that piece,
// the build fails here, so a patch is never silently lost. tests/unit/bounce/postal-mime-patches.test.ts
// bundles the engine's email reader with and without them and compares the answers.
import { readFileSync } from 'node:fs';

// postal-mime joins each decoded MIME part through a Blob (one Blob part per line, then an asynchronous
// arrayBuffer()), which was about a quarter of the engine's time in Node. The chunks are joined into one
// buffer directly: the same bytes, without the Blob. Lines that lie one after another in the message (a
// line, the LF after it, the next line: every line of a message with LF line ends) are copied as one run.
const BLOB_JOIN = "blobToArrayBuffer(new Blob(this.chunks, { type: 'application/octet-stream' }))";
const JOIN_CHUNKS = `const joinEncoder = new TextEncoder();
function joinChunks(chunks) {
    const parts = [];
    let size = 0;
    // the run being gathered: bytes runStart to runEnd of runBuffer (runBytes views all of runBuffer)
    let runBuffer = null;
    let runBytes = null;
    let runStart = 0;
    let runEnd = 0;
    for (const c of chunks) {
        // the line ends the pass-through decoder adds between lines
        if (c === '\\n') {
            size += 1;
            if (runBuffer !== null && runEnd < runBytes.length && runBytes[runEnd] === 10) {
                runEnd += 1;
                continue;
            }
            if (runBuffer !== null) {
                parts.push(new Uint8Array(runBuffer, runStart, runEnd - runStart));
                runBuffer = null;
            }
            parts.push(10);
            continue;
        }
        if (ArrayBuffer.isView(c)) {
            size += c.byteLength;
            if (runBuffer !== null && c.buffer === runBuffer && c.byteOffset === runEnd) {
                runEnd += c.byteLength;
                continue;
            }
            if (runBuffer !== null) {
                parts.push(new Uint8Array(runBuffer, runStart, runEnd - runStart));
            }
            if (runBytes === null || runBytes.buffer !== c.buffer) {
                runBytes = new Uint8Array(c.buffer);
            }
            runBuffer = c.buffer;
            runStart = c.byteOffset;
            runEnd = c.byteOffset + c.byteLength;
            continue;
        }
        if (runBuffer !== null) {
            parts.push(new Uint8Array(runBuffer, runStart, runEnd - runStart));
            runBuffer = null;
        }
        const part = typeof c === 'string' ? joinEncoder.encode(c) : new Uint8Array(c);
        parts.push(part);
        size += part.length;
    }
    if (runBuffer !== null) {
        parts.push(new Uint8Array(runBuffer, runStart, runEnd - runStart));
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
        if (part === 10) out[at++] = 10;
        else { out.set(part, at); at += part.length; }
    }
    return Promise.resolve(out.buffer);
}
`;

// The header block postal-mime writes for a message quoted inline (message/rfc822) shows its Date with
// Intl.DateTimeFormat('default'): the machine's locale and time zone, so the same bounce read the same
// text differently on two machines (and building the formatter was 1.5% of the engine's time). The date
// is written in one fixed form instead, in UTC: "3/24/2017, 19:34:56" (month/day/year, 24-hour clock).
const INTL_FORMAT_DATE = `    return new Intl.DateTimeFormat('default', {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hour12: false
    }).format(parsed);`;
const FIXED_FORMAT_DATE = `    const two = (n) => (n < 10 ? '0' : '') + String(n);
    return \`\${parsed.getUTCMonth() + 1}/\${parsed.getUTCDate()}/\${parsed.getUTCFullYear()}, \${two(parsed.getUTCHours())}:\${two(parsed.getUTCMinutes())}:\${two(parsed.getUTCSeconds())}\`;`;

// A Date header without a zone ("Fri, 24 Mar 2017 12:34:56") is read by Date as local time, which again
// depends on the machine; it is read as UTC instead (RFC 5322 section 3.3: "-0000" when the zone is unknown),
// by taking the local offset back out. An ISO date alone ("2017-03-24") is already read as UTC.
const LOCAL_DATE_PARSE = 'let date = new Date(dateHeader.value);';
const ZONED_DATE_PARSE = 'let date = parseDateInUtc(dateHeader.value);';
const PARSE_DATE_IN_UTC = `// A zone: an offset after the time ("12:34:56 +0900", "12:34-07:00"), a name ("GMT", "UT", "PDT"),
// or ISO's "Z" ("2017-03-24T12:34:56Z")
const DATE_ZONE = /\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?\\s*[+-]\\d\\d:?\\d\\d(?!\\d)|\\b(?:UTC?|GMT|[ECMP][SD]T)(?![A-Za-z])|\\dZ\\b/i;
// "2017-03-24", "2017-03": an ISO date without a time
const ISO_DATE_ONLY = /^\\s*\\d{4}-\\d\\d(?:-\\d\\d)?\\s*$/;
function parseDateInUtc(value) {
    const date = new Date(value);
    if (isNaN(date.getTime()) || DATE_ZONE.test(value) || ISO_DATE_ONLY.test(value)) return date;
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000);
}
`;

// postal-mime awaits an asynchronous processLine() for every line; only a line that may be a boundary
// (it starts with "--") and the last line do asynchronous work there. Every other line goes to the part
// directly, which is what processLine() does with it; a body line that continues the pass-through
// decoder's run (see line-runs) only moves the run's end, without a view of its own.
const AWAIT_EVERY_LINE = `            const line = this.readLine();
            await this.processLine(line.bytes, line.done);`;
const FEED_PLAIN_LINES = `            const done = this.readLineEnd();
            const av = this.av;
            const start = this.lineStart;
            const end = this.lineEnd;
            if (!done && !(this.boundaries.length && end - start > 2 && av[start] === 0x2d && av[start + 1] === 0x2d)) {
                const node = this.currentNode;
                if (node.state === 'body' && node.contentDecoder && node.contentDecoder.extendRun && node.contentDecoder.extendRun(this.buf, av, start, end)) {
                    continue;
                }
                node.feed(new Uint8Array(this.buf, start, end - start));
                continue;
            }
            await this.processLine(new Uint8Array(this.buf, start, end - start), done);`;

// buildMessage parses every address header (To, Cc, Bcc, Reply-To, Sender, Delivered-To, Return-Path) and
// the Date and Message-ID of the top-level message, of which the engine reads only From and Subject (all
// headers stay in \`headers\` as they are). A caller may name the fields it reads (option messageFields);
// a message quoted inline is still parsed whole, for the header block written before its text.
const ALL_MESSAGE_FIELDS = `        const headers = this.root.headers;
        const message = {
            headers: headers.map(entry => ({`;
const ASKED_MESSAGE_FIELDS = `        const allHeaders = this.root.headers;
        const fields = this.options.messageFields;
        const headers = Array.isArray(fields) ? allHeaders.filter(line => fields.includes(line.key)) : allHeaders;
        const message = {
            headers: allHeaders.map(entry => ({`;

// A part the caller never reads (an image, an archive, a document) was decoded all the same, base64 line by
// line, only to be dropped. A caller may name the content types it does not read (option skipContentOf:
// prefixes such as "image/"); such a part is still listed among the attachments, with empty content.
const DECODER_SETUP = `    setupContentDecoder(transferEncoding) {
`;
const SKIPPING_DECODER_SETUP = `    setupContentDecoder(transferEncoding) {
        const skipped = this.postalMime.options.skipContentOf;
        const type = this.contentType.parsed.value;
        if (Array.isArray(skipped) && !this.contentType.multipart && skipped.some(prefix => type.startsWith(prefix))) {
            this.contentDecoder = { update() {}, finalize: () => Promise.resolve(new ArrayBuffer(0)) };
            return;
        }
`;

// readLine walked the message byte by byte in JavaScript to find each line end; the next LF is found with
// the typed array's own indexOf, and the CRs before it are dropped as before (a line "a" then CR, CR, LF reads "a").
// readLineEnd finds the line (lineStart to lineEnd) without making a view of it; readLine makes the view.
const BYTE_LOOP_READ_LINE = `    readLine() {
        let startPos = this.readPos;
        let endPos = this.readPos;
        while (this.readPos < this.av.length) {
            const c = this.av[this.readPos++];
            if (c !== 0x0d && c !== 0x0a) {
                endPos = this.readPos;
            }
            if (c === 0x0a) {
                return {
                    bytes: new Uint8Array(this.buf, startPos, endPos - startPos),
                    done: this.readPos >= this.av.length
                };
            }
        }
        return {
            bytes: new Uint8Array(this.buf, startPos, endPos - startPos),
            done: this.readPos >= this.av.length
        };
    }`;
const INDEX_OF_READ_LINE = `    readLineEnd() {
        const av = this.av;
        const startPos = this.readPos;
        const lineFeed = av.indexOf(0x0a, startPos);
        let endPos = lineFeed < 0 ? av.length : lineFeed;
        this.readPos = lineFeed < 0 ? av.length : lineFeed + 1;
        while (endPos > startPos && av[endPos - 1] === 0x0d) {
            endPos--;
        }
        this.lineStart = startPos;
        this.lineEnd = endPos;
        return this.readPos >= av.length;
    }
    readLine() {
        const done = this.readLineEnd();
        return {
            bytes: new Uint8Array(this.buf, this.lineStart, this.lineEnd - this.lineStart),
            done
        };
    }`;

// A string input was encoded to UTF-8 and then copied once more into a buffer of its own (the copy keeps a
// caller's typed array from being shared); the encoder's fresh buffer is already the parser's own.
const COPIED_STRING_INPUT = `        if (typeof input === 'string') {
            input = textEncoder.encode(input);
        }`;
const OWN_STRING_INPUT = `        if (typeof input === 'string') {
            const encoded = textEncoder.encode(input);
            if (encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength) {
                return encoded.buffer;
            }
            input = encoded;
        }`;

// processHeaders joined every header's lines twice (raw, unfolded), lower-cased its name three times and ran
// a regular expression over every value; a header on one line (most of them) is its own raw and unfolded
// line, and a value without CR or LF has none to replace.
const JOIN_EVERY_HEADER = `            let rawLine = parts.join('\\n');
            // Extract key from raw line for rawHeaderLines
            let sep = rawLine.indexOf(':');
            let rawKey = trimWsp(sep < 0 ? rawLine : rawLine.slice(0, sep));
            // Store raw line with lowercase key
            this.rawHeaderLines.push({
                key: rawKey.toLowerCase(),
                line: rawLine
            });
            // Unfolding removes the line break and keeps the folding whitespace, so
            // \`Subject: Hello\\r\\n    World\` stays \`Hello    World\`. Collapsing every
            // whitespace run instead also rewrote boundary values and filenames, and it
            // replaced the non-ASCII spaces that raw UTF-8 headers (RFC 6532) may carry.
            let unfoldedLine = parts.join('');
            sep = unfoldedLine.indexOf(':');
            let key = trimWsp(sep < 0 ? unfoldedLine : unfoldedLine.slice(0, sep));
            // A bare CR is not legal in a field body. It used to be folded into a space by
            // the whitespace collapse, and passing it through would hand consumers that
            // write the value back out a line of their own.
            let value = sep < 0 ? '' : trimWsp(unfoldedLine.slice(sep + 1).replace(/[\\r\\n]+/g, ' '));
            this.headers.push({ key: key.toLowerCase(), originalKey: key, value });
            // A header that decides how the body is read must resolve the same way every
            // time it is duplicated, otherwise a message can present one Content-Type to a
            // scanner and a different one here. Every one of these takes the first
            // occurrence and later copies are ignored.
            const lowerKey = key.toLowerCase();`;
const JOIN_FOLDED_HEADERS = `            const oneLine = parts.length === 1;
            let rawLine = oneLine ? parts[0] : parts.join('\\n');
            let sep = rawLine.indexOf(':');
            let rawKey = trimWsp(sep < 0 ? rawLine : rawLine.slice(0, sep));
            const rawLowerKey = rawKey.toLowerCase();
            this.rawHeaderLines.push({
                key: rawLowerKey,
                line: rawLine
            });
            let unfoldedLine = oneLine ? rawLine : parts.join('');
            if (!oneLine) {
                sep = unfoldedLine.indexOf(':');
            }
            let key = oneLine ? rawKey : trimWsp(sep < 0 ? unfoldedLine : unfoldedLine.slice(0, sep));
            const fieldBody = sep < 0 ? '' : unfoldedLine.slice(sep + 1);
            let value = sep < 0 ? '' : trimWsp(fieldBody.indexOf('\\r') < 0 && fieldBody.indexOf('\\n') < 0 ? fieldBody : fieldBody.replace(/[\\r\\n]+/g, ' '));
            const lowerKey = oneLine ? rawLowerKey : key.toLowerCase();
            this.headers.push({ key: lowerKey, originalKey: key, value });`;

// parseStructuredHeader reads a Content-Type or Content-Disposition character by character, for the quoted
// strings, comments and escapes it may hold. Most hold no comment or escape, and quotes only around a whole
// parameter value ('text/plain; charset="us-ascii"', "inline"); they are read piece by piece between the
// semicolons instead: the first piece is the value, every other one "key=value" (the key trimmed and
// lower-cased, the value's quotes taken off, the first of a key kept) or a key alone, as the library does.
// Any other header (a quote elsewhere, a semicolon in quotes) is left to the library.
const STRUCTURED_HEADER_START = `    parseStructuredHeader(str) {
        // Strip RFC 822 comments before parsing
        str = this.stripComments(str);`;
const PLAIN_STRUCTURED_HEADER_START = `    parseStructuredHeader(str) {
        const plain = /[()\\\\]/.test(str) ? null : parsePlainStructuredHeader(str);
        if (plain) {
            return plain;
        }
        // Strip RFC 822 comments before parsing
        str = this.stripComments(str);`;
const PARSE_PLAIN_STRUCTURED_HEADER = `// 'multipart/report; report-type=delivery-status; boundary="b1"': no parenthesis or backslash, quotes only
// around a whole parameter value; null for any other header
function parsePlainStructuredHeader(str) {
    const response = {
        value: '',
        params: {}
    };
    const params = response.params;
    const pieces = str.split(';');
    if (pieces[0].indexOf('"') >= 0) {
        return null;
    }
    response.value = trimWsp(pieces[0]);
    for (let i = 1; i < pieces.length; i++) {
        const piece = pieces[i];
        const equals = piece.indexOf('=');
        if (equals >= 0) {
            let value = trimWsp(piece.slice(equals + 1));
            if (value.indexOf('"') >= 0) {
                if (value.length < 2 || value.charCodeAt(0) !== 0x22 || value.indexOf('"', 1) !== value.length - 1) {
                    return null;
                }
                value = value.slice(1, -1);
            }
            const name = piece.slice(0, equals).trim().toLowerCase();
            if (!Object.prototype.hasOwnProperty.call(params, name)) {
                params[name] = value;
            }
            continue;
        }
        const name = piece.trim().toLowerCase();
        if (name && !Object.prototype.hasOwnProperty.call(params, name)) {
            params[name] = '';
        }
    }
    if (response.value) {
        response.value = response.value.toLowerCase();
    }
    // only a parameter named with a "*" is a continuation section (RFC 2231)
    if (str.indexOf('*') >= 0) {
        decodeParameterValueContinuations(response);
    }
    return response;
}
`;

// The pass-through decoder (7bit, 8bit, binary parts) kept every line and an LF after it, to be joined at
// the end. A line that starts right after the previous line and its LF, in the same buffer, extends a run
// instead (every line of a message with LF line ends), so the part is a few runs rather than two chunks a line.
const KEEP_EVERY_LINE = `    update(line) {
        this.chunks.push(line);
        this.chunks.push('\\n');
    }`;
const EXTEND_RUN = `    update(line) {
        if (this.runBuffer && line.buffer === this.runBuffer && line.byteOffset === this.runEnd + 1 && this.runBytes[this.runEnd] === 10) {
            this.runEnd = line.byteOffset + line.byteLength;
            return;
        }
        this.flushRun();
        if (line instanceof Uint8Array) {
            if (!this.runBytes || this.runBytes.buffer !== line.buffer) {
                this.runBytes = new Uint8Array(line.buffer);
            }
            this.runBuffer = line.buffer;
            this.runStart = line.byteOffset;
            this.runEnd = line.byteOffset + line.byteLength;
            return;
        }
        this.chunks.push(line);
        this.chunks.push('\\n');
    }
    extendRun(buffer, bytes, start, end) {
        if (this.runBuffer === buffer && start === this.runEnd + 1 && bytes[this.runEnd] === 10) {
            this.runEnd = end;
            return true;
        }
        return false;
    }
    flushRun() {
        if (this.runBuffer) {
            this.chunks.push(new Uint8Array(this.runBuffer, this.runStart, this.runEnd - this.runStart));
            this.chunks.push('\\n');
            this.runBuffer = null;
        }
    }`;
const PASS_THROUGH_FINALIZE = `    finalize() {
        // convert an array of arraybuffers into a blob and then back into a single arraybuffer
`;
const PASS_THROUGH_FINALIZE_RUN = `    finalize() {
        this.flushRun();
`;

/** Each patch: the library file it applies to, the exact text it replaces, and what replaces it. */
export const POSTAL_MIME_PATCHES = [
  ...['base64-decoder', 'pass-through-decoder', 'qp-decoder'].map((file) => ({ name: 'join-chunks', file, find: BLOB_JOIN, replace: 'joinChunks(this.chunks)', prepend: JOIN_CHUNKS })),
  { name: 'line-runs', file: 'pass-through-decoder', find: KEEP_EVERY_LINE, replace: EXTEND_RUN, prepend: '' },
  { name: 'line-runs-end', file: 'pass-through-decoder', find: PASS_THROUGH_FINALIZE, replace: PASS_THROUGH_FINALIZE_RUN, prepend: '' },
  { name: 'fixed-date-format', file: 'text-format', find: INTL_FORMAT_DATE, replace: FIXED_FORMAT_DATE, prepend: '' },
  { name: 'date-in-utc', file: 'postal-mime', find: LOCAL_DATE_PARSE, replace: ZONED_DATE_PARSE, prepend: PARSE_DATE_IN_UTC },
  { name: 'asked-message-fields', file: 'postal-mime', find: ALL_MESSAGE_FIELDS, replace: ASKED_MESSAGE_FIELDS, prepend: '' },
  { name: 'skip-unread-content', file: 'mime-node', find: DECODER_SETUP, replace: SKIPPING_DECODER_SETUP, prepend: '' },
  { name: 'find-line-ends', file: 'postal-mime', find: BYTE_LOOP_READ_LINE, replace: INDEX_OF_READ_LINE, prepend: '' },
  { name: 'feed-plain-lines', file: 'postal-mime', find: AWAIT_EVERY_LINE, replace: FEED_PLAIN_LINES, prepend: '' },
  { name: 'own-string-input', file: 'postal-mime', find: COPIED_STRING_INPUT, replace: OWN_STRING_INPUT, prepend: '' },
  { name: 'plain-structured-headers', file: 'mime-node', find: STRUCTURED_HEADER_START, replace: PLAIN_STRUCTURED_HEADER_START, prepend: PARSE_PLAIN_STRUCTURED_HEADER },
  { name: 'join-folded-headers', file: 'mime-node', find: JOIN_EVERY_HEADER, replace: JOIN_FOLDED_HEADERS, prepend: '' },
];

/** The patched source of one of postal-mime's files; throws when a piece to replace is not there exactly once. */
export function patchPostalMime(file, source, patches = POSTAL_MIME_PATCHES) {
  let out = source;
  let prepend = '';
  for (const patch of patches.filter((p) => p.file === file)) {
    const at = out.indexOf(patch.find);
    if (at < 0 || out.indexOf(patch.find, at + 1) >= 0) throw new Error(`postal-mime/${file}.js: the text patch "${patch.name}" replaces was not found exactly once (postal-mime changed?)`);
    out = out.slice(0, at) + patch.replace + out.slice(at + patch.find.length);
    prepend += patch.prepend;
  }
  return prepend + out;
}

// ".../node_modules/postal-mime/dist/esm/mime-node.js" -> "mime-node"
const PATCHED_FILE = /postal-mime[\\/]dist[\\/]esm[\\/]([\w-]+)\.js$/;

/** The name of the postal-mime file at `filePath` ("mime-node") when one of `patches` applies to it, else null. */
export function patchedFileOf(filePath, patches = POSTAL_MIME_PATCHES) {
  const file = PATCHED_FILE.exec(filePath)?.[1];
  return file !== undefined && patches.some((patch) => patch.file === file) ? file : null;
}

/** The patched files a build did not load (`loaded`: the names patchedFileOf gave), so did not patch. */
export function filesNotPatched(loaded, patches = POSTAL_MIME_PATCHES) {
  return [...new Set(patches.map((patch) => patch.file))].filter((file) => !loaded.has(file));
}

/** The esbuild plugin applying the patches; every patched file must be loaded, or the build fails. */
export function postalMimePatches(patches = POSTAL_MIME_PATCHES) {
  return {
    name: 'postal-mime-patches',
    setup(pluginBuild) {
      const loaded = new Set();
      pluginBuild.onLoad({ filter: PATCHED_FILE }, (args) => {
        const file = patchedFileOf(args.path, patches);
        if (file === null) return undefined;
        loaded.add(file);
        return { contents: patchPostalMime(file, readFileSync(args.path, 'utf8'), patches), loader: 'js' };
      });
      pluginBuild.onEnd((result) => {
        const missing = filesNotPatched(loaded, patches);
        if (result.errors.length === 0 && missing.length > 0) throw new Error(`postal-mime: ${missing.join(', ')} not bundled, so not patched (postal-mime changed?)`);
      });
    },
  };
}
