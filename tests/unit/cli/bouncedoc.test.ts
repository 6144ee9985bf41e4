// The command line end to end, through `npm run diagnose`'s path (scripts/diagnose.mjs builds the
// compiled bouncedoc when it is stale): every kind of input (files, directories, mbox, Maildir, standard
// input), every output mode, exit statuses, a damaged message inside a mailbox, terminal control
// characters from a bounce, the size and MIME limits, and an mbox of every corpus message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LAUNCHER = path.join(root, 'scripts', 'diagnose.mjs');
let dir = '';

type Run = { status: number | null; stdout: string; stderr: string };

function bouncedoc(args: string[], input?: string | Buffer): Run {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function bounce(address: string, code = '550 5.1.1', text = 'User unknown'): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    `To: sender@example.com`,
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: text/plain',
    '',
    'I am sorry to inform you that your message could not be delivered.',
    '',
    `<${address}>: host mx.example.org said: ${code} ${text}`,
    '',
  ].join('\n');
}

function write(relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return relative;
}

// Control characters a terminal acts on (tab and line feed are the output's own separators)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

function mbox(messages: (string | Buffer)[]): Buffer {
  return Buffer.concat(messages.flatMap((m) => [Buffer.from('From MAILER-DAEMON Mon Dec  7 00:00:00 2026\n'), Buffer.from(m), Buffer.from('\n')]));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-cli-'));
  bouncedoc(['--help']); // builds once, before the tests time anything
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bouncedoc input', () => {
  it('reads files and directories recursively, in order, one JSON line per message', () => {
    write('tree/a.eml', bounce('one@example.org'));
    write('tree/sub/b.eml', bounce('two@example.org', '552 5.2.2', 'Mailbox full'));
    write('tree/.hidden.eml', bounce('hidden@example.org'));
    const run = bouncedoc(['--json', 'tree']);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => [l.file, l.reason])).toEqual([
      [path.join('tree', 'a.eml'), 'userunknown'],
      [path.join('tree', 'sub', 'b.eml'), 'mailboxfull'],
    ]);
  });

  it('splits an mbox, with index and offset, unescaping >From lines, and a damaged message is one ok:false line', () => {
    const second = `${bounce('two@example.org', '552 5.2.2', 'Mailbox full')}\n>From the original message\n`;
    const damaged = Buffer.concat([Buffer.from('Subject: x\n\n'), Buffer.alloc(600, 0), Buffer.from('\n')]);
    const box = mbox([bounce('one@example.org'), second, damaged, bounce('four@example.org', '421 4.7.0', 'Try again later')]);
    write('box.mbox', box);
    const run = bouncedoc(['--json', 'box.mbox']);
    expect(run.status).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    expect(lines.map((l) => l.ok)).toEqual([true, true, false, true]);
    expect(lines[2]?.error).toEqual(expect.any(String));
    const offsets = lines.map((l) => l.offset as number);
    for (const offset of offsets) expect(box.subarray(offset, offset + 5).toString()).toBe('From ');
    expect(lines.map((l) => l.reason)).toEqual(['userunknown', 'mailboxfull', undefined, expect.any(String)]);
  });

  it('reads a Maildir folder from cur/ and new/, not tmp/', () => {
    write('Maildir/cur/1.host:2,S', bounce('cur@example.org'));
    write('Maildir/new/2.host', bounce('new@example.org'));
    write('Maildir/tmp/3.host', bounce('tmp@example.org'));
    const run = bouncedoc(['--recipients', 'Maildir']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[2])).toEqual(['cur@example.org', 'new@example.org']);
  });

  it('reads one email or a whole mbox from standard input', () => {
    const single = bouncedoc(['--json', '-'], bounce('stdin@example.org'));
    expect(jsonLines(single.stdout).map((l) => [l.file, l.reason, l.index])).toEqual([['-', 'userunknown', undefined]]);
    const piped = bouncedoc(['--json'], mbox([bounce('a@example.org'), bounce('b@example.org')]));
    expect(jsonLines(piped.stdout).map((l) => [l.file, l.index])).toEqual([
      ['-', 0],
      ['-', 1],
    ]);
  });

  it('reads a single-message mbox larger than a read chunk intact', () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `filler line ${String(i)} of the returned message`).join('\n');
    write('large.mbox', mbox([`${bounce('large@example.org')}\n${body}\n`]));
    const run = bouncedoc(['--recipients', 'large.mbox']);
    expect(run.stdout.split('\t')[2]).toBe('large@example.org');
  });

  it.runIf(existsSync('/usr/bin/mkfifo'))('reads an mbox from a named pipe given as a path', () => {
    const fifo = path.join(dir, 'box.fifo');
    spawnSync('/usr/bin/mkfifo', [fifo]);
    write('fifo-source.mbox', mbox([bounce('a@example.org'), bounce('b@example.org', '552 5.2.2', 'Mailbox full')]));
    // the writer runs beside the command line, which opens the pipe for reading
    const run = spawnSync('sh', ['-c', `cat fifo-source.mbox > box.fifo & exec ${JSON.stringify(process.execPath)} ${JSON.stringify(LAUNCHER)} --json box.fifo`], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).map((l) => [l.index, l.reason])).toEqual([
      [0, 'userunknown'],
      [1, 'mailboxfull'],
    ]);
  });

  it('reads a single email that starts with an mbox "From " line as before (no index)', () => {
    write('single.eml', mbox([bounce('one@example.org')]));
    const lines = jsonLines(bouncedoc(['--json', 'single.eml']).stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.index).toBeUndefined();
  });
});

describe('bouncedoc output', () => {
  it('prints a readable summary per message by default', () => {
    write('plain.eml', bounce('one@example.org'));
    const run = bouncedoc(['plain.eml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('plain.eml\n  bounce: ');
    expect(run.stdout).toContain('recipient one@example.org: failed, userunknown');
  });

  it('prints one line per failed recipient with --recipients and as CSV with --csv', () => {
    write('two.eml', `${bounce('one@example.org')}<two@example.net>: host mx.example.net said: 550 5.1.1 User unknown\n`);
    const recipients = bouncedoc(['--recipients', 'two.eml']).stdout.split('\n').filter(Boolean);
    expect(recipients.map((line) => line.split('\t').slice(0, 4))).toEqual([
      ['two.eml', '', 'one@example.org', 'userunknown'],
      ['two.eml', '', 'two@example.net', 'userunknown'],
    ]);
    const csv = bouncedoc(['--csv', 'two.eml']).stdout.split('\n').filter(Boolean);
    expect(csv[0]).toBe('file,index,recipient,reason,permanence,replyCode,enhancedCode,diagnostic');
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual(['two.eml,,one@example.org,userunknown,permanent', 'two.eml,,two@example.net,userunknown,permanent']);
  });

  it('adds summary counts by reason, permanence and recipient domain that add up', () => {
    write('sum/a.eml', bounce('a@one.example'));
    write('sum/b.eml', bounce('b@one.example'));
    write('sum/c.eml', bounce('c@two.example', '552 5.2.2', 'Mailbox full'));
    write('sum/d.eml', Buffer.alloc(100, 0));
    const run = bouncedoc(['--json', '--summary', 'sum']);
    expect(run.status).toBe(1);
    const summary = jsonLines(run.stdout).at(-1)?.summary as { messages: number; unreadable: number; byReason: Record<string, number>; byPermanence: Record<string, number>; byDomain: Record<string, number> };
    expect(summary.messages).toBe(3);
    expect(summary.unreadable).toBe(1);
    expect(summary.byReason).toEqual({ userunknown: 2, mailboxfull: 1 });
    expect(summary.byPermanence).toEqual({ permanent: 3 });
    expect(summary.byDomain).toEqual({ 'one.example': 2, 'two.example': 1 });
    const text = bouncedoc(['--summary', '--recipients', 'sum']).stdout;
    expect(text).toContain('summary: 3 messages read, 1 unreadable, 3 failed recipients');
    expect(text).toMatch(/ {7}2 {2}userunknown/);
  });

  it('never prints control characters from a bounce to the terminal', () => {
    const escapes = 'User \u001b[2J\u001b]0;owned\u0007unknown \u009b31m\u202egnp.exe';
    const report = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      `<one@example.org>: 550 5.1.1 ${escapes}`,
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      'Final-Recipient: rfc822; one@example.org',
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 ${escapes}`,
      '--r--',
      '',
    ].join('\n');
    write('hostile.eml', report);
    for (const args of [['hostile.eml'], ['--recipients', 'hostile.eml'], ['--csv', 'hostile.eml'], ['--summary', 'hostile.eml']]) {
      const run = bouncedoc(args);
      expect(run.stdout, args.join(' ')).not.toMatch(TERMINAL_CONTROL);
    }
    expect(bouncedoc(['hostile.eml']).stdout).toMatch(/550 5\.1\.1 User \[2J \]0;owned unknown 31m gnp\.exe/);
    const json = bouncedoc(['--json', 'hostile.eml']).stdout;
    expect(json).not.toMatch(TERMINAL_CONTROL);
    // in JSON the characters are escaped, not removed: the value is unchanged
    const recipients = jsonLines(json)[0]?.recipients as { diagnosticCode: string | null }[];
    expect(recipients[0]?.diagnosticCode).toContain(escapes);
  });
});

describe('bouncedoc exit status and limits', () => {
  it('exits 1 for an unreadable file and still reads the rest', () => {
    write('ok.eml', bounce('one@example.org'));
    const run = bouncedoc(['--json', 'missing.eml', 'ok.eml']);
    expect(run.status).toBe(1);
    expect(jsonLines(run.stdout).map((l) => [l.file, l.ok])).toEqual([
      ['missing.eml', false],
      ['ok.eml', true],
    ]);
  });

  it('exits 2 on a usage error', () => {
    expect(bouncedoc(['--bogus', 'ok.eml']).status).toBe(2);
    const both = bouncedoc(['--json', '--csv', 'ok.eml']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('choose one of');
    expect(bouncedoc(['--max-message-size', 'lots', 'ok.eml']).status).toBe(2);
  });

  it('refuses a message over the size limit with a clear message and exit 1, reading the others', () => {
    write('big.eml', bounce('one@example.org') + 'x'.repeat(5000));
    write('small.eml', bounce('two@example.org'));
    const run = bouncedoc(['--json', '--max-message-size', '2K', 'big.eml', 'small.eml']);
    expect(run.status).toBe(1);
    const [big, small] = jsonLines(run.stdout);
    expect(big?.ok).toBe(false);
    expect(big?.error).toMatch(/over the 2048 bytes limit/);
    expect(small?.ok).toBe(true);
  });

  it('reads a message of 40,000 MIME parts up to the part limit, with a notice and exit 0', () => {
    const parts = Array.from({ length: 40_000 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${String(i)}\n`).join('');
    const head = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary="b"\n\n';
    write('parts.eml', `${head}--b\nContent-Type: text/plain\n\n<a@example.org>: 550 5.1.1 User unknown\n${parts}--b--\n`);
    const run = bouncedoc(['--json', 'parts.eml']);
    expect(run.status).toBe(0);
    const [line] = jsonLines(run.stdout);
    expect(line?.reason).toBe('userunknown');
    const notices = line?.notices as { code: string; message: string }[];
    expect(notices.map((n) => n.code)).toEqual(['mime-parts']);
    expect(notices[0]?.message).toMatch(/more than 500 MIME parts/);
    expect(bouncedoc(['parts.eml']).stdout).toContain('note: This message has more than 500 MIME parts');
  });
});

describe('bouncedoc on several threads', () => {
  // 300 messages: past the point where worker threads start, with damaged ones spread through
  const CODES = [
    ['550 5.1.1', 'User unknown'],
    ['552 5.2.2', 'Mailbox full'],
    ['421 4.7.0', 'Try again later'],
    ['554 5.7.1', 'Message rejected as spam'],
  ] as const;
  const messages = Array.from({ length: 300 }, (_, i) => {
    if (i % 37 === 5) return Buffer.concat([Buffer.from('Subject: x\n\n'), Buffer.alloc(600, 0), Buffer.from('\n')]);
    const [code, text] = CODES[i % CODES.length] ?? CODES[0];
    return bounce(`user${String(i)}@domain${String(i % 7)}.example`, code, text);
  });

  it('prints the same lines in input order and the same summary with --jobs 1, 2 and 3', () => {
    write('threads.mbox', mbox(messages));
    const runs = ['1', '2', '3'].map((jobs) => bouncedoc(['--json', '--summary', '--jobs', jobs, 'threads.mbox']));
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(runs[0]?.stdout);
    }
    const lines = jsonLines(runs[0]?.stdout ?? '');
    const summary = lines.pop()?.summary as { messages: number; unreadable: number };
    expect(lines.map((l) => l.index)).toEqual(messages.map((_, i) => i));
    expect(lines.filter((l) => l.ok === false).map((l) => l.index)).toEqual([5, 42, 79, 116, 153, 190, 227, 264]);
    expect(lines[1]?.recipients).toEqual([expect.objectContaining({ address: 'user1@domain1.example' })]);
    expect(summary).toMatchObject({ messages: 292, unreadable: 8 });
  });

  it('keeps the per-recipient modes and their notes on standard error in order across threads', () => {
    write('threads-dir/box.mbox', mbox(messages));
    const one = bouncedoc(['--csv', '--jobs', '1', 'threads-dir']);
    const two = bouncedoc(['--csv', '--jobs', '2', 'threads-dir']);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr.split('\n').filter((line) => line.includes('error:'))).toHaveLength(8);
    // a "421 Try again later" is a delay, not a failed recipient
    const failed = messages.filter((_, i) => i % 37 !== 5 && i % CODES.length !== 2).length;
    expect(two.stdout.split('\n').filter(Boolean)).toHaveLength(1 + failed);
  });

  it('reads a large mbox from standard input the same on one thread and on two', () => {
    const box = mbox(messages);
    const one = bouncedoc(['--json', '--jobs', '1'], box);
    const two = bouncedoc(['--json', '--jobs', '2'], box);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(jsonLines(two.stdout).map((l) => [l.file, l.index])).toEqual(messages.map((_, i) => ['-', i]));
  });

  it('rejects a number of threads that is not a positive number', () => {
    for (const jobs of ['0', 'many', '-1']) {
      const run = bouncedoc(['--jobs', jobs, 'threads.mbox']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--jobs needs a number of threads');
    }
  });
});

describe('bouncedoc on every corpus message', () => {
  const corpora = ['../shared/bounces', '../shared/bounces-more'].map((d) => path.resolve(root, d));
  const files = corpora.flatMap((corpus) => {
    const expected = path.join(corpus, 'expected.jsonl');
    if (!existsSync(expected)) return [];
    return readFileSync(expected, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => path.join(corpus, (JSON.parse(line) as { file: string }).file));
  });

  it.runIf(files.length > 0)('gives one JSON line per message of an mbox of them all, and the summary adds up', () => {
    const messages = files.map((f) => readFileSync(f, 'latin1').replace(/^From [^\n]*\n/, '').replace(/^(>*From )/gm, '>$1'));
    writeFileSync(path.join(dir, 'corpus.mbox'), messages.map((m) => `From MAILER-DAEMON Mon Dec  7 00:00:00 2026\n${m.replace(/\n*$/, '\n')}\n`).join(''), 'latin1');
    const run = bouncedoc(['--json', '--summary', 'corpus.mbox']);
    const lines = jsonLines(run.stdout);
    const summary = lines.pop()?.summary as { messages: number; unreadable: number; failedRecipients: number; byReason: Record<string, number>; byPermanence: Record<string, number>; byDomain: Record<string, number> };
    expect(lines).toHaveLength(files.length);
    expect(lines.map((l) => l.index)).toEqual(files.map((_, i) => i));
    const sum = (tally: Record<string, number>): number => Object.values(tally).reduce((a, b) => a + b, 0);
    expect(summary.messages + summary.unreadable).toBe(files.length);
    expect(summary.unreadable).toBe(lines.filter((l) => l.ok === false).length);
    expect(sum(summary.byReason)).toBe(summary.messages);
    expect(sum(summary.byPermanence)).toBe(summary.messages);
    expect(sum(summary.byDomain)).toBe(summary.failedRecipients);
    expect(run.status).toBe(summary.unreadable > 0 ? 1 : 0);
  });
});

describe('npm run diagnose (scripts/diagnose.mjs)', () => {
  const built = path.join(root, 'dist-cli', 'bouncedoc.mjs');
  const inputs = path.join(root, 'dist-cli', 'inputs.json');

  it('lists the files the command line is built from, and rebuilds when one is newer than the build', () => {
    const listed = JSON.parse(readFileSync(inputs, 'utf8')) as string[];
    expect(listed).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/lib/bounce/diagnose.ts', 'src/generated/match.json', 'scripts/build-cli.mjs']));
    for (const file of listed) expect(existsSync(path.join(root, file)), file).toBe(true);
    utimesSync(built, new Date(0), new Date(0));
    write('stale.eml', bounce('stale@example.org'));
    const run = bouncedoc(['--json', 'stale.eml']);
    expect(jsonLines(run.stdout).map((l) => l.reason)).toEqual(['userunknown']);
    expect(statSync(built).mtimeMs).toBeGreaterThan(Date.now() - 600_000);
  });

  it('rebuilds when the list of inputs is missing', () => {
    rmSync(inputs);
    write('fresh.eml', bounce('fresh@example.org'));
    const run = bouncedoc(['--json', 'fresh.eml']);
    expect(run.status).toBe(0);
    expect(existsSync(inputs)).toBe(true);
  });
});
