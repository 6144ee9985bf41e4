// The changes the builds make to postal-mime (scripts/postal-mime-patches.mjs): each still applies to the
// installed version and a changed library fails loudly; the email reader bundled with them gives the same
// parts as the one bundled without them, on both corpora and on damaged and odd MIME; dates of a message
// quoted inline read the same whatever the machine's time zone and language, in the command line too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailParts } from '../../../src/lib/bounce/read-email.ts';
import { corpusTexts } from '../../fixtures/corpus-files.ts';
import { forwardedWithDate } from '../../fixtures/bounce-forwarded.ts';

type Patch = { name: string; file: string; find: string; replace: string; prepend: string };
type PatchModule = {
  POSTAL_MIME_PATCHES: readonly Patch[];
  patchPostalMime: (file: string, source: string, patches?: readonly Patch[]) => string;
  postalMimePatches: (patches?: readonly Patch[]) => Plugin;
};
type Parser = { parse: (input: string) => Promise<Record<string, unknown> & { attachments: { content: ArrayBuffer | string }[] }> };
type Reader = { readEmail: (input: string) => Promise<EmailParts>; PostalMime: Parser };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const patchModule = (await import(pathToFileURL(path.join(root, 'scripts', 'postal-mime-patches.mjs')).href)) as PatchModule;
const { POSTAL_MIME_PATCHES, patchPostalMime, postalMimePatches } = patchModule;
const libraryFile = (file: string): string => path.join(root, 'node_modules', 'postal-mime', 'dist', 'esm', `${file}.js`);

let dir = '';
let patched: Reader;
let reference: Reader;

async function bundleReader(name: string, plugins: Plugin[]): Promise<Reader> {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: "export { readEmail } from './src/lib/bounce/read-email.ts';\nexport { default as PostalMime } from 'postal-mime';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    plugins,
    logLevel: 'silent',
  });
  return (await import(pathToFileURL(outfile).href)) as Reader;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'postal-mime-patches-'));
  patched = await bundleReader('patched', [postalMimePatches()]);
  reference = await bundleReader('reference', []);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The reference writes a quoted message's Date with the machine's locale and zone: that row is compared
// by the tests of the date below, not here.
function comparable(parts: EmailParts): EmailParts {
  return { ...parts, body: parts.body.replace(/^(Date: +).*$/gm, '$1(date)') };
}

async function expectSameParts(input: string): Promise<void> {
  const [fast, slow] = await Promise.all([patched.readEmail(input), reference.readEmail(input)]);
  expect(comparable(fast)).toEqual(comparable(slow));
}

// A bounce with a part the reader never opens (an image, a document) beside its text, under any type.
function withAttachment(type: string): string {
  const content = Buffer.from('%PDF-1.4 550 5.1.1 <hidden@example.org>: not to be read\n'.repeat(4)).toString('base64');
  return [
    'From: MAILER-DAEMON@mx.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/mixed; boundary="m1"',
    '',
    '--m1',
    'Content-Type: text/plain',
    '',
    '<bob@example.org>: host mx.example.org said: 552 5.2.2 Mailbox full',
    '--m1',
    `Content-Type: ${type}; name="file"`,
    'Content-Transfer-Encoding: base64',
    '',
    content,
    '--m1--',
    '',
  ].join('\n');
}

describe('the patches', () => {
  it('each applies exactly once to the installed postal-mime', () => {
    for (const patch of POSTAL_MIME_PATCHES) {
      const source = readFileSync(libraryFile(patch.file), 'utf8');
      expect(source.split(patch.find), patch.name).toHaveLength(2);
      const out = patchPostalMime(patch.file, source);
      expect(out.includes(patch.replace), patch.name).toBe(true);
    }
  });

  it('fail loudly when the library changed under them', () => {
    for (const patch of POSTAL_MIME_PATCHES) {
      const source = readFileSync(libraryFile(patch.file), 'utf8');
      expect(() => patchPostalMime(patch.file, source.replace(patch.find, `${patch.find.slice(0, -1)} `)), patch.name).toThrow(/postal-mime changed/);
      expect(() => patchPostalMime(patch.file, source + source), patch.name).toThrow(/exactly once/);
    }
  });
});

describe('the patched reader gives the same parts as the reference', () => {
  const corpus = corpusTexts();

  it('on every email of both corpora', async () => {
    for (const email of corpus) await expectSameParts(email);
  });

  // Damaged and odd MIME: cut short, other line endings, a lost or a stray delimiter line, lines that only
  // look like delimiters, a message quoted inline with any Date, a part with no body.
  it('on damaged and odd MIME', async () => {
    const source = corpus.length > 0 ? corpus : [forwardedWithDate('Fri, 24 Mar 2017 12:34:56 -0700')];
    const email = fc.oneof(
      fc.constantFrom(...source),
      fc.string({ maxLength: 40 }).map((date) => forwardedWithDate(date)),
      fc.constantFrom('image/png', 'Application/PDF', 'application/ics', 'text/plain', 'text/html', 'message/delivery-status', 'message/rfc822', 'multipart/mixed', 'video', '').map(withAttachment),
      fc.constantFrom('Fri, 24 Mar 2017 12:34:56', '24 Mar 2017 00:05:00 +0900', '2017-03-24T23:59:59Z', 'Sun, 31 Jan 2027 23:30:00 PDT', 'Fri, 24 Mar 2017').map(forwardedWithDate),
    );
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('crlf' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('cr' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(), line: fc.constantFrom('--', '---', '--outer', '--outer--', '-- ', '--b1', 'Content-Type: message/rfc822', '', 'Date: Fri, 24 Mar 2017 12:34:56') }),
    );
    await fc.assert(
      fc.asyncProperty(email, fc.array(edit, { maxLength: 3 }), async (text, edits) => {
        let input = text;
        for (const e of edits) {
          const lines = input.split('\n');
          const line = e.at % Math.max(1, lines.length);
          if (e.kind === 'truncate') input = input.slice(0, e.at % (input.length + 1));
          else if (e.kind === 'crlf') input = input.replace(/\n/g, '\r\n');
          else if (e.kind === 'cr') input = input.replace(/\r?\n/g, '\r');
          else if (e.kind === 'drop-line') input = lines.filter((_, i) => i !== line).join('\n');
          else input = [...lines.slice(0, line), e.line, ...lines.slice(line)].join('\n');
        }
        await expectSameParts(input);
      }),
      { numRuns: 1500 },
    );
  });
});

// The library itself, called without the options only the patched one knows: the same message, byte for
// byte in every part and every header line, whatever the line ends (CR runs before LF, a last line without
// LF) and however the headers are written (folded, without a colon, a bare CR inside, raw UTF-8).
describe('the patched postal-mime parses as the library', () => {
  const line = fc.constantFrom('From: a@example.org', 'Subject: x', 'Content-Type: multipart/mixed; boundary="q"', '--q', '--q--', 'Content-Type: text/plain', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', 'NTUwIDUuMS4x', 'caf=C3=A9 =', '550 5.1.1 User unknown', '', ' folded', '-- ', '\tfolded: too', 'no colon here', 'SUBJECT :  Spaced  ', 'X-Mixed: a\rb', 'Content-Disposition: attachment; filename="a b.txt"', 'Content-Type: message/rfc822', 'Subject: =?utf-8?q?caf=C3=A9?=', 'Received: from mx.example.org; Fri, 24 Mar 2017 12:34:56', 'Subject: café ✓');
  const end = fc.constantFrom('\n', '\r\n', '\r\r\n', '\r', '');

  it('on random messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, end), { maxLength: 30 }), async (lines) => {
        const input = lines.map(([text, ending]) => text + ending).join('');
        const [fast, slow] = await Promise.all([patched.PostalMime.parse(input), reference.PostalMime.parse(input)]);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1500 },
    );
  });
});

// A part's Content-Type and Content-Disposition as senders write them: plain or quoted values, comments,
// keys in any case, parameters with no value, RFC 2231 sections, duplicates; every parameter the library
// acts on (boundary, charset, format and delsp, name and filename, method) shows in the parsed message.
describe('the patched postal-mime reads structured headers as the library', () => {
  const value = fc.constantFrom('text/plain', 'TEXT/Plain ', ' text/calendar', 'application/ics', 'message/rfc822', 'multipart/mixed', '', 'image/png', 'text/html\t', 'attachment', 'Inline', 'a=b', '"text/plain"');
  const key = fc.constantFrom('charset', 'Charset ', ' name', 'filename', 'FILENAME*0', 'filename*1', 'filename*0*', 'name*', 'method', 'format', 'delsp', 'boundary', '', ' flag', '__proto__', 'constructor', '"k"');
  const equals = fc.constantFrom('=', '', ' = ', '==');
  const text = fc.constantFrom('utf-8', 'iso-8859-1', "utf-8''caf%C3%A9", 'a b', 'request', 'flowed', 'yes', 'q', '', '"quoted"', 'x(y)', ' spaced ', 'a=b', 'a\\b', '"a;b"', '(comment) c', '"a b"', '" spaced "', '""', '"', 'x"y"', ' "q" ', '"a"b', '"q" (c)', '"a\\"b"');
  const header = fc.tuple(value, fc.array(fc.tuple(key, equals, text), { maxLength: 4 }), fc.constantFrom(';', '; ', ' ;\t')).map(([first, params, separator]) => [first, ...params.map(([k, e, t]) => k + e + t)].join(separator));

  it('on random headers', async () => {
    await fc.assert(
      fc.asyncProperty(header, header, async (type, disposition) => {
        const input = ['Content-Type: multipart/mixed; boundary=q', '', '--q', `Content-Type: ${type}`, `Content-Disposition: ${disposition}`, '', 'caf=C3=A9 550 5.1.1', '--q--', ''].join('\n');
        const [fast, slow] = await Promise.all([patched.PostalMime.parse(input), reference.PostalMime.parse(input)]);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the date of a message quoted inline', () => {
  it('is written in one form, in UTC, whatever the date header looks like', async () => {
    const cases: [string, string][] = [
      ['Fri, 24 Mar 2017 12:34:56 -0700 (PDT)', '3/24/2017, 19:34:56'],
      ['Fri, 24 Mar 2017 12:34:56 PDT', '3/24/2017, 19:34:56'],
      ['Fri, 24 Mar 2017 00:05:00 +0000', '3/24/2017, 00:05:00'],
      ['Fri, 24 Mar 2017 12:34:56', '3/24/2017, 12:34:56'],
      ['Fri, 24 Mar 2017 12:34:56 GMT', '3/24/2017, 12:34:56'],
      ['2017-03-24T12:34:56Z', '3/24/2017, 12:34:56'],
      ['Fri, 24 Mar 2017', '3/24/2017, 00:00:00'],
      ['not a date', 'not a date'],
    ];
    for (const [header, shown] of cases) {
      const parts = await patched.readEmail(forwardedWithDate(header));
      expect(parts.body, header).toMatch(new RegExp(`^Date: +${shown.replace(/[/.]/g, '\\$&')}$`, 'm'));
    }
  });

  // The command line, as people run it, under two zones and languages: the same bytes. Before the patches
  // the second run wrote "1.2.2027, 07:30:00" where the first wrote "1/31/2027, 14:30:00", which moved the
  // offsets of every code found after it.
  it('gives the same command-line output under any time zone and language', () => {
    for (const date of ['Sun, 31 Jan 2027 23:30:00 -0800', 'Sun, 31 Jan 2027 23:30:00']) {
      const file = path.join(dir, 'forwarded.eml');
      writeFileSync(file, forwardedWithDate(date));
      const outputs = [
        { TZ: 'Asia/Tokyo', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
        { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      ].map((env) => {
        const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'diagnose.mjs'), '--json', file], { env: { ...process.env, ...env }, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        return run.stdout;
      });
      expect(outputs[0]).toContain('"decoded":true');
      expect(outputs[1]).toBe(outputs[0]);
    }
  });
});
