// Property-based robustness of the diagnosis engine. Over 100,000 random strings and mutated real bounces
// (truncated, sliced, duplicated, CRLF/CR/mixed line endings, junk bytes, parts re-encoded as RFC 2045
// base64 or quoted-printable, lost MIME boundaries, broken headers, two emails run together) must never
// make diagnoseBounce or extractCodes throw or hang, and every finding's [start, end) must lie inside the
// text it points into and read back as its value. Pathological 1 MB pastes guard against regular
// expressions that backtrack catastrophically. A failure prints fast-check's seed: rerun it with
// PROPERTY_SEED=<seed> npx vitest run --project unit tests/unit/bounce/properties.test.ts
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIENCES, REASON_LABELS, REASONS } from '../../../src/lib/content/vocabulary.ts';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import type { Diagnosis, Finding } from '../../../src/lib/bounce/types.ts';
import { wrapReply } from '../../fixtures/bounce-templates.ts';
import { loadCatalogue, loadSeedRows } from '../../fixtures/load-catalogue.ts';

const catalogue = loadCatalogue();

// ---------------------------------------------------------------------------------------------------
// Run counts, tuned so the file takes about a minute on a loaded two-core machine. PROPERTY_RUNS_SCALE=10
// fuzzes ten times longer (locally, when changing the engine).

const scaleVariable = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const scale = Number.isFinite(scaleVariable) && scaleVariable > 0 ? scaleVariable : 1;
const RUNS = {
  extractAnyString: Math.ceil(40_000 * scale),
  extractBounceish: Math.ceil(40_000 * scale),
  extractMutated: Math.ceil(25_000 * scale),
  diagnoseBounceish: Math.ceil(3_000 * scale),
  diagnoseAnyString: Math.ceil(1_000 * scale),
  diagnoseMutated: Math.ceil(6_000 * scale),
  diagnoseReencoded: Math.ceil(1_000 * scale),
};
const MINIMUM_INPUTS = Math.min(100_000, Object.values(RUNS).reduce((sum, runs) => sum + runs, 0));
// A single input (at most a few hundred kilobytes here) that takes longer than this is a hang in the making.
const SLOW_INPUT_MS = 3000;

const seedVariable = process.env.PROPERTY_SEED;
const seed = seedVariable === undefined || seedVariable === '' ? undefined : Number(seedVariable);

function settings(numRuns: number): fc.Parameters<unknown> {
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

const tally = { inputs: 0, findings: 0, decodedFindings: 0, slowestMs: 0, slowestInput: '', startedAt: performance.now() };

function timed<T>(input: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  noteDuration(input, performance.now() - started);
  return result;
}

async function timedAsync<T>(input: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  noteDuration(input, performance.now() - started);
  return result;
}

function noteDuration(input: string, ms: number): void {
  tally.inputs += 1;
  if (ms > tally.slowestMs) {
    tally.slowestMs = ms;
    tally.slowestInput = input;
  }
  if (ms > SLOW_INPUT_MS) throw new Error(`took ${ms.toFixed(0)} ms on a ${String(input.length)}-character input`);
}

// ---------------------------------------------------------------------------------------------------
// The corpus: the real bounces when ../shared/bounces is present, and always the template bounces
// (Postfix, Exim, Exchange, Gmail formats) around the seed's 30 server replies.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpusDir = path.resolve(root, '../shared/bounces');
const expectedPath = path.join(corpusDir, 'expected.jsonl');

function loadCorpus(): string[] {
  const real = existsSync(expectedPath)
    ? readFileSync(expectedPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          const decoded = decodeBytes(readFileSync(path.join(corpusDir, (JSON.parse(line) as { file: string }).file)));
          return decoded.ok ? [decoded.text] : [];
        })
    : [];
  const templates = loadSeedRows().flatMap((row) => wrapReply(row.text).map((wrapped) => wrapped.email));
  return [...real, ...templates];
}

const corpus = loadCorpus();

// ---------------------------------------------------------------------------------------------------
// Mutations of a corpus email. Positions are drawn as naturals and taken modulo the text's length.

type LineEnding = 'crlf' | 'cr' | 'lf' | 'mixed';
type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'line-endings'; style: LineEnding; salt: number }
  | { kind: 'insert-junk'; at: number; junk: string }
  | { kind: 'overwrite-junk'; at: number; junk: string }
  | { kind: 'junk-bytes'; at: number; bytes: number[] }
  | { kind: 'slice'; from: number; to: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'reencode'; encoding: 'base64' | 'quoted-printable'; at: number }
  | { kind: 'drop-boundary'; which: number }
  | { kind: 'break-header'; which: number; value: string }
  | { kind: 'concatenate'; other: number; separator: string };

// Mostly uniform over the text, sometimes fast-check's bias toward its edges (0, the very start).
const position = fc.oneof({ arbitrary: fc.noBias(fc.nat({ max: 2_000_000 })), weight: 4 }, { arbitrary: fc.nat({ max: 2_000_000 }), weight: 1 });
// Every corpus email equally likely (fast-check otherwise favours the first and last few).
const corpusIndex = fc.noBias(fc.nat({ max: corpus.length - 1 }));

// NUL, 0xFF and other Latin-1 bytes as characters, lone surrogates, BOM, NEL, LS, escape, MIME syntax
const junkCharacter = fc.oneof(
  fc.constantFrom('\0', '\xff', '\xfe', '\x80', '\ud800', '\udbff', '\udc00', '\udfff', '\ufffd', '\ufeff', '\x85', '\u2028', '\x1b', '\r', '\n', '\t', '=', '-', ':', ';', '<', '>', '"', '?'),
  fc.integer({ min: 0x80, max: 0xff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const junk = fc.string({ unit: junkCharacter, minLength: 1, maxLength: 40 });

const BROKEN_HEADERS = [
  'Content-Transfer-Encoding: base64',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Transfer-Encoding: base64x',
  'Content-Transfer-Encoding:',
  'Content-Transfer-Encoding base64',
  'Content-Transfer-Encoding: x-uuencode',
  'Content-Transfer-Encoding: 8bit',
  'Content-Type: multipart/report; boundary=',
  'Content-Type: multipart/mixed',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="',
  'Content-Type: text/plain; charset="x-unknown-charset"',
  'Content-Type: text/html; charset=utf-16',
  'Content-Type: message/rfc822',
  'Content-Type: message/delivery-status',
  'Content-Type: text/plain; charset=iso-2022-jp',
  'Subject: =?utf-8?B?broken base64?=',
  'Subject: =?x-unknown?Q?=FF=FE?=',
  'From: <<<@@@>>>',
  'From:',
  '\t folded continuation with no header above',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('line-endings' as const), style: fc.constantFrom<LineEnding>('crlf', 'cr', 'lf', 'mixed'), salt: fc.nat() }),
  fc.record({ kind: fc.constant('insert-junk' as const), at: position, junk }),
  fc.record({ kind: fc.constant('overwrite-junk' as const), at: position, junk }),
  fc.record({ kind: fc.constant('junk-bytes' as const), at: position, bytes: fc.array(fc.oneof(fc.constantFrom(0x00, 0xff, 0xfe, 0xc3, 0xe2, 0x80), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('slice' as const), from: position, to: position }),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.nat({ max: 4000 }), to: position }),
  fc.record({ kind: fc.constant('reencode' as const), encoding: fc.constantFrom<'base64' | 'quoted-printable'>('base64', 'quoted-printable'), at: position }),
  fc.record({ kind: fc.constant('drop-boundary' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('break-header' as const), which: fc.nat(), value: fc.constantFrom(...BROKEN_HEADERS) }),
  fc.record({ kind: fc.constant('concatenate' as const), other: fc.nat(), separator: fc.constantFrom('', '\n', '\r\n\r\n', '\n\n-- \n', '\nFrom MAILER-DAEMON Tue Apr  2 09:12:47 2024\n') }),
);

const mutatedEmail = fc
  .record({ index: corpusIndex, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
  .map(({ index, mutations }) => mutations.reduce((text, m) => mutate(text, m), corpus[index] ?? ''));

// One to four parts (or the message itself) re-encoded first, so findings in decoded text (offsets into diagnosis.text) come up often.
const reencoding = fc.record({ kind: fc.constant('reencode' as const), encoding: fc.constantFrom<'base64' | 'quoted-printable'>('base64', 'quoted-printable'), at: position });
const reencodedEmail = fc
  .record({ index: corpusIndex, reencodings: fc.array(reencoding, { minLength: 1, maxLength: 4 }), mutations: fc.array(mutation, { maxLength: 2 }) })
  .map(({ index, reencodings, mutations }) => [...reencodings, ...mutations].reduce((text, m) => mutate(text, m), corpus[index] ?? ''));

function mutate(text: string, m: Mutation): string {
  const at = (n: number): number => n % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'line-endings':
      return changeLineEndings(text, m.style, m.salt);
    case 'insert-junk':
      return text.slice(0, at(m.at)) + m.junk + text.slice(at(m.at));
    case 'overwrite-junk':
      return text.slice(0, at(m.at)) + m.junk + text.slice(at(m.at) + m.junk.length);
    case 'junk-bytes':
      return insertBytes(text, at(m.at), m.bytes);
    case 'slice':
      return text.slice(Math.min(at(m.from), at(m.to)), Math.max(at(m.from), at(m.to)));
    case 'duplicate':
      return text.slice(0, at(m.to)) + text.slice(at(m.from), at(m.from) + m.length) + text.slice(at(m.to));
    case 'reencode':
      return reencodePart(text, pickPart(text, m.at), m.encoding);
    case 'drop-boundary':
      return dropBoundary(text, m.which);
    case 'break-header':
      return breakHeader(text, m.which, m.value);
    case 'concatenate':
      return text + m.separator + (corpus[m.other % corpus.length] ?? '');
  }
}

function changeLineEndings(text: string, style: LineEnding, salt: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (style !== 'mixed') return lines.join(style === 'crlf' ? '\r\n' : style === 'cr' ? '\r' : '\n');
  const endings = ['\n', '\r\n', '\r'];
  return lines.map((line, i) => (i === lines.length - 1 ? line : line + (endings[(i * 7 + salt) % 3] ?? '\n'))).join('');
}

// Bytes inserted into the UTF-8 encoding, then read as a file is: UTF-8 when still valid, else Latin-1.
function insertBytes(text: string, at: number, bytes: readonly number[]): string {
  const head = Buffer.from(text.slice(0, at), 'utf8');
  const tail = Buffer.from(text.slice(at), 'utf8');
  const all = Buffer.concat([head, Buffer.from(bytes), tail]);
  const decoded = decodeBytes(all);
  return decoded.ok ? decoded.text : all.toString('latin1');
}

function encodeBase64(body: string): string {
  return (Buffer.from(body, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

function encodeQuotedPrintable(body: string): string {
  let out = '';
  let lineLength = 0;
  for (const byte of Buffer.from(body, 'utf8')) {
    const piece = byte === 0x0a ? '\n' : (byte >= 0x20 && byte <= 0x7e && byte !== 0x3d) || byte === 0x09 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') lineLength = 0;
    else if (lineLength + piece.length > 75) {
      out += '=\n';
      lineLength = 0;
    }
    out += piece;
    lineLength += piece === '\n' ? 0 : piece.length;
  }
  return out;
}

// Where a part starts: the message itself, and every line that opens with "--" (a MIME boundary).
function pickPart(text: string, which: number): number {
  const starts = [0];
  for (let i = text.indexOf('\n--'); i >= 0; i = text.indexOf('\n--', i + 1)) starts.push(i + 1);
  return starts[which % starts.length] ?? 0;
}

// The part whose header block ends at the first blank line after `at` gets its body re-encoded
// and its Content-Transfer-Encoding header set to match.
function reencodePart(text: string, at: number, encoding: 'base64' | 'quoted-printable'): string {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = at;
  const found = blank.exec(text);
  if (!found) return text;
  const bodyStart = found.index + found[0].length;
  const nextBoundary = text.indexOf('\n--', bodyStart);
  const bodyEnd = nextBoundary < 0 ? text.length : nextBoundary + 1;
  const headStart = Math.max(0, text.lastIndexOf('\n\n', found.index - 1) + 2, text.lastIndexOf('\n--', found.index - 1) + 1);
  const head = text.slice(headStart, found.index);
  const header = `Content-Transfer-Encoding: ${encoding}`;
  const newHead = /^content-transfer-encoding:.*$/im.test(head) ? head.replace(/^content-transfer-encoding:.*$/im, header) : `${head}\n${header}`;
  const body = text.slice(bodyStart, bodyEnd);
  const encoded = encoding === 'base64' ? encodeBase64(body) : encodeQuotedPrintable(body);
  return `${text.slice(0, headStart)}${newHead}${found[0]}${encoded}\n${text.slice(bodyEnd)}`;
}

function dropBoundary(text: string, which: number): string {
  const boundary = /boundary="?([^";\s]+)/i.exec(text)?.[1];
  const lines = text.split('\n');
  const marker = boundary === undefined ? '--' : `--${boundary}`;
  const indices = lines.flatMap((line, i) => (line.startsWith(marker) ? [i] : []));
  if (indices.length === 0) return text;
  const drop = indices[which % indices.length];
  return lines.filter((_, i) => i !== drop).join('\n');
}

function breakHeader(text: string, which: number, value: string): string {
  const name = value.slice(0, Math.max(0, value.indexOf(':'))).toLowerCase();
  const lines = text.split('\n');
  const indices = lines.flatMap((line, i) => (name !== '' && line.toLowerCase().startsWith(`${name}:`) ? [i] : []));
  if (indices.length === 0) {
    const headerEnd = Math.max(0, lines.findIndex((line) => line.trim() === ''));
    lines.splice(which % (headerEnd + 1), 0, value);
    return lines.join('\n');
  }
  const index = indices[which % indices.length] ?? 0;
  lines[index] = value;
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Random text: any UTF-16 (lone surrogates included), and text built from the characters and tokens of bounces.

const bounceCharacter = fc.constantFrom(...'0123456789012345.-.-<>@[]();:#\r\n\r\n   \tabesxGTSBLAR>'.split(''));
const bounceToken = fc.constantFrom(
  '550',
  '421',
  '5.1.1',
  '4.7.0',
  '5.7.606',
  '10.4.5.1',
  '550-5.1.1',
  '554 5.0.0 ',
  'Status: ',
  'Status: 5.0.0\n',
  'Action: failed\n',
  'Final-Recipient: rfc822; a@example.org\n',
  'Diagnostic-Code: smtp; ',
  'Diagnostic-Code: X-Unix; 255\n',
  'Reporting-MTA: dns; mx.example.org\n',
  'From: MAILER-DAEMON@example.org\n',
  'Subject: Undelivered Mail\n',
  'MIME-Version: 1.0\n',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n',
  'Content-Type: message/delivery-status\n',
  'Content-Transfer-Encoding: base64\n',
  'Content-Transfer-Encoding: quoted-printable\n',
  '\n--b\n',
  '\n--b--\n',
  '\n\n',
  '=\n',
  '=3D',
  '=?utf-8?B?',
  '?=',
  '(G17)',
  '[TSS04]',
  '[CS01]',
  'IB508',
  '(AS16012609)',
  'RESOLVER.ADR.RecipientNotFound',
  'OFR004_405',
  'spamhaus',
  'zen.spamhaus.org',
  '<<< ',
  '>>> RCPT TO:<a@example.org>\n',
  '> ',
  'host mx.example.org[192.0.2.1] said: ',
  'user unknown',
  'mailbox full',
  'Out of Office',
  '<script>',
  '<br>',
  'kijitora@example.jp',
  '------ This is a copy of the message',
);
// Half the time behind a header block, so the text is read as an email (MIME parsing, decoded parts).
const HEADER_BLOCKS = [
  'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n',
  'From: MAILER-DAEMON@example.org\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\n',
  'Received: from mx.example.org\r\nTo: a@example.com\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n',
];
const bounceishBody = fc.string({ unit: fc.oneof({ arbitrary: bounceCharacter, weight: 4 }, { arbitrary: bounceToken, weight: 1 }), maxLength: 300 });
const bounceishText = fc.tuple(fc.constantFrom('', '', '', ...HEADER_BLOCKS), bounceishBody).map(([head, body]) => head + body);
// fast-check 4 spells fullUnicodeString as unit 'binary' (any code point, lone surrogates included).
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }));

// ---------------------------------------------------------------------------------------------------
// Checks.

const KINDS = new Set(['bounce', 'delay', 'vacation', 'feedback', 'delivered', 'unknown']);
const ORIGINS = new Set(['sender-provider', 'recipient-side', 'unknown']);
const REASON_SET = new Set<string>(REASONS);
const AUDIENCE_SET = new Set<string>(AUDIENCES);

function fail(message: string): never {
  throw new Error(message);
}

/** Every finding is a non-empty span inside `text` that reads back as its value (tags and blocklists case-insensitively). */
function checkFindings(findings: readonly Finding[], text: string, where: string): void {
  tally.findings += findings.length;
  for (const finding of findings) {
    const { start, end, value, kind } = finding;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > text.length) {
      fail(`${where}: ${kind} "${value}" at [${String(start)}, ${String(end)}) outside a ${String(text.length)}-character text`);
    }
    const slice = text.slice(start, end);
    const same = kind === 'reply' || kind === 'enhanced' ? slice === value : slice.toLowerCase() === value.toLowerCase();
    if (!same) fail(`${where}: ${kind} "${value}" at [${String(start)}, ${String(end)}) reads "${slice}"`);
  }
}

function checkExtraction(text: string): void {
  const findings = timed(text, () => extractCodes(text));
  checkFindings(findings, text, 'extractCodes');
  for (let i = 1; i < findings.length; i++) {
    if ((findings[i]?.start ?? 0) < (findings[i - 1]?.start ?? 0)) fail('extractCodes: findings out of order');
  }
}

function checkDiagnosis(diagnosis: Diagnosis, input: string): void {
  if (!KINDS.has(diagnosis.kind)) fail(`kind "${diagnosis.kind}"`);
  if (!REASON_SET.has(diagnosis.reason)) fail(`reason "${diagnosis.reason}"`);
  if (diagnosis.reasonLabel !== REASON_LABELS[diagnosis.reason]) fail(`label "${diagnosis.reasonLabel}"`);
  if (![true, false, null].includes(diagnosis.permanent)) fail('permanent is not a boolean or null');
  if (diagnosis.replyCode !== null && !/^[245]\d\d$/.test(diagnosis.replyCode)) fail(`replyCode "${diagnosis.replyCode}"`);
  if (diagnosis.enhancedCode !== null && !/^[245]\.\d{1,3}\.\d{1,3}$/.test(diagnosis.enhancedCode)) fail(`enhancedCode "${diagnosis.enhancedCode}"`);
  if (!ORIGINS.has(diagnosis.origin)) fail(`origin "${diagnosis.origin}"`);
  if (!diagnosis.actors.every((actor) => AUDIENCE_SET.has(actor))) fail(`actors ${diagnosis.actors.join(', ')}`);
  if (!Array.isArray(diagnosis.codes) || !Array.isArray(diagnosis.recipients)) fail('codes or recipients not arrays');
  for (const recipient of diagnosis.recipients) {
    if (!REASON_SET.has(recipient.reason)) fail(`recipient reason "${recipient.reason}"`);
  }
  let previous = Infinity;
  for (const match of diagnosis.matches) {
    if (typeof match.id !== 'string' || !(match.score >= 0 && match.score <= 1)) fail(`match ${match.id} scored ${String(match.score)}`);
    if (match.score > previous) fail(`matches not sorted: ${match.id} ${String(match.score)} after ${String(previous)}`);
    previous = match.score;
  }
  const decoded = diagnosis.codes.filter((finding) => finding.decoded === true);
  checkFindings(
    diagnosis.codes.filter((finding) => finding.decoded !== true),
    input,
    'diagnoseBounce',
  );
  if (decoded.length > 0) {
    if (typeof diagnosis.text !== 'string') fail('decoded findings without diagnosis.text');
    checkFindings(decoded, diagnosis.text, 'diagnoseBounce (decoded)');
    tally.decodedFindings += decoded.length;
  }
}

async function checkDiagnose(input: string): Promise<void> {
  const diagnosis = await timedAsync(input, () => diagnoseBounce(input, catalogue));
  checkDiagnosis(diagnosis, input);
}

// ---------------------------------------------------------------------------------------------------

describe('extractCodes on random and mutated text', () => {
  it('keeps every finding inside any UTF-16 string, lone surrogates included', () => {
    fc.assert(fc.property(anyText, checkExtraction), settings(RUNS.extractAnyString));
  });

  it('keeps every finding inside text made of the characters and tokens of bounces', () => {
    fc.assert(fc.property(bounceishText, checkExtraction), settings(RUNS.extractBounceish));
  });

  it('keeps every finding inside mutated real bounces', () => {
    fc.assert(fc.property(mutatedEmail, checkExtraction), settings(RUNS.extractMutated));
  }, 120_000);
});

describe('diagnoseBounce on random and mutated text', () => {
  it('never rejects and returns a well-formed diagnosis for bounce-like text', async () => {
    await fc.assert(fc.asyncProperty(bounceishText, checkDiagnose), settings(RUNS.diagnoseBounceish));
  }, 120_000);

  it('never rejects on any UTF-16 string', async () => {
    await fc.assert(fc.asyncProperty(anyText, checkDiagnose), settings(RUNS.diagnoseAnyString));
  }, 120_000);

  it('never rejects on truncated, re-encoded, re-ended, junk-filled and broken real bounces', async () => {
    await fc.assert(fc.asyncProperty(mutatedEmail, checkDiagnose), settings(RUNS.diagnoseMutated));
  }, 180_000);

  it('keeps findings in decoded text inside diagnosis.text when a part is re-encoded as base64 or quoted-printable', async () => {
    await fc.assert(fc.asyncProperty(reencodedEmail, checkDiagnose), settings(RUNS.diagnoseReencoded));
  }, 120_000);

  it(`ran at least ${String(MINIMUM_INPUTS)} inputs across the properties`, () => {
    expect(tally.inputs).toBeGreaterThanOrEqual(MINIMUM_INPUTS);
  });
});

afterAll(() => {
  const seconds = ((performance.now() - tally.startedAt) / 1000).toFixed(1);
  console.log(
    `properties: ${String(tally.inputs)} inputs, ${String(tally.findings)} findings (${String(tally.decodedFindings)} in decoded text) in ${seconds} s;` +
      ` slowest input ${tally.slowestMs.toFixed(0)} ms (${String(tally.slowestInput.length)} characters)`,
  );
});

// ---------------------------------------------------------------------------------------------------
// Pathological 1 MB pastes. Each must finish; the bound is generous because CI machines are shared and
// loaded (`npm run bench` reports the real times, well under a second on an idle machine). Catastrophic
// backtracking on a megabyte takes minutes, not seconds, so this still catches it.

const MEGABYTE = 1_000_000;
const PATHOLOGICAL_MS = 3000;

function fill(unit: string, length = MEGABYTE): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function manyBoundaries(): string {
  const head = 'From: MAILER-DAEMON@example.org\nTo: a@example.com\nSubject: Undelivered Mail\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n';
  const parts = Array.from({ length: 10_000 }, (_, i) => `--B\nContent-Type: text/plain\n\n550 5.1.1 <user${String(i)}@example.org>: User unknown ${'x'.repeat(40)}\n`);
  return `${head}${parts.join('')}--B--\n`;
}

const BOUNCE_HEAD = 'Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@example.org>\nTo: a@example.com\nSubject: Undelivered Mail\n';

const PATHOLOGICAL: readonly (readonly [string, () => string])[] = [
  ['digits and dots "5.5.5.5..."', () => fill('5.')],
  ['one long run of digits', () => fill('5')],
  ['"550-550-550-..."', () => fill('550-')],
  ['"<<<<" lines', () => fill('<<<<<<<<\n')],
  ['">>>>" lines', () => fill('>>>>>>>>\n')],
  ['100,000 blank lines', () => `550 5.1.1 user unknown${'\n'.repeat(100_000)}${fill('x', MEGABYTE - 100_022)}`],
  ['one 1 MB line with no spaces', () => fill('abcdefghij0123456789')],
  ['nested quoting "> > > >"', () => fill('> ')],
  ['quoted code lines "> > > 550 5.1.1"', () => fill('> > > > > > > > > > 550 5.1.1\n')],
  ['repeated "Status: 5.0.0"', () => fill('Status: 5.0.0\n')],
  ['repeated delivery report fields', () => fill('Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n\n')],
  ['a huge header block', () => `${BOUNCE_HEAD}${fill(`X-Header: ${'v'.repeat(60)}\n`)}\n550 5.1.1 user unknown`],
  ['one huge header line', () => `${BOUNCE_HEAD}X-Long: ${fill('a')}\n\n550 5.1.1 user unknown`],
  ['a MIME message with 10,000 boundaries', manyBoundaries],
  ['CR-only code lines', () => fill('550 5.1.1\r')],
  ['codes, tags and blocklists back to back', () => fill('550 5.1.1 (G17) [TSS04] spamhaus 421-4.7.0 ')],
  ['dotted words "a.a.a.a"', () => fill('a.')],
  ['hyphens', () => fill('-')],
  ['at signs and addresses', () => fill('user.name@sub.example.org @')],
  ['"host x said:" repeated', () => fill('host mx.example.org[192.0.2.1] said: ')],
  ['unclosed HTML tags', () => `${BOUNCE_HEAD}Content-Type: text/html\n\n${fill('<a ')}`],
  ['unclosed script elements', () => `${BOUNCE_HEAD}Content-Type: text/html\n\n${fill('<script>')}`],
  ['a base64 body', () => `${BOUNCE_HEAD}Content-Transfer-Encoding: base64\n\n${fill('QUFB')}`],
  ['quoted-printable soft breaks', () => `${BOUNCE_HEAD}Content-Transfer-Encoding: quoted-printable\n\n${fill('=3D=\n')}`],
];

const pathologicalTimes: string[] = [];

describe('diagnoseBounce on pathological 1 MB pastes', () => {
  it.each(PATHOLOGICAL)('finishes on %s', async (name, build) => {
    const input = build();
    let started = performance.now();
    const findings = extractCodes(input);
    const extractMs = performance.now() - started;
    started = performance.now();
    const diagnosis = await diagnoseBounce(input, catalogue);
    const diagnoseMs = performance.now() - started;
    pathologicalTimes.push(`  ${name.padEnd(44)} extractCodes ${extractMs.toFixed(0).padStart(4)} ms, diagnoseBounce ${diagnoseMs.toFixed(0).padStart(4)} ms`);
    checkFindings(findings, input, 'extractCodes');
    checkDiagnosis(diagnosis, input);
    expect(extractMs).toBeLessThan(PATHOLOGICAL_MS);
    expect(diagnoseMs).toBeLessThan(PATHOLOGICAL_MS);
  });

  afterAll(() => {
    console.log(`pathological 1 MB pastes:\n${pathologicalTimes.join('\n')}`);
  });
});
