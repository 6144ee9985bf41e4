// Held-out bounces: 60 notices in formats and from senders the real-bounce corpus lacks or has few of
// (Gmail and Microsoft 365 NDRs, Yahoo, iCloud, Amazon SES, ESP event texts, MDaemon, qmail, German and
// French notices, auto-replies, an ARF report), with answers decided from what each notice means
// (tests/fixtures/unseen/expected.json). Guards the engine against fitting only the corpus it was tuned on:
// reason (README reason ids), reply code (RFC 5321 section 4.2) and enhanced status (RFC 3463) per notice.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { extractCodes } from '../../../src/lib/bounce/extract-codes.ts';
import type { Diagnosis } from '../../../src/lib/bounce/types.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

type Expected = { reason: string; permanent: boolean | null; replyCode: string | null; enhancedCode: string | null };

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'unseen');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = Object.keys(expected).sort();
const catalogue = loadCatalogue();
const results = new Map<string, Diagnosis>();

function readFixture(file: string): string {
  const decoded = decodeBytes(readFileSync(path.join(folder, file)));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.text;
}

async function diagnoseFile(file: string): Promise<Diagnosis> {
  const cached = results.get(file);
  if (cached) return cached;
  const diagnosis = await diagnoseBounce(readFixture(file), catalogue);
  results.set(file, diagnosis);
  return diagnosis;
}

describe('diagnoseBounce on held-out bounces', () => {
  it('has an expected verdict for every fixture file and a fixture for every verdict', () => {
    const onDisk = readdirSync(folder).filter((name) => name !== 'expected.json').sort();
    expect(onDisk).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('diagnoses %s without an exception, with codes that stand in the text', async (file) => {
    const diagnosis = await diagnoseFile(file);
    const text = readFixture(file);
    for (const finding of diagnosis.codes.filter((f) => !f.decoded)) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.value);
    }
    expect(diagnosis.reasonLabel.length).toBeGreaterThan(0);
  });

  it('agrees with the decided reason, codes and permanence often enough', async () => {
    const tally = { reason: 0, codes: 0, permanent: 0 };
    const misses: string[] = [];
    for (const file of files) {
      const want = expected[file];
      if (!want) continue;
      const got = await diagnoseFile(file);
      const reason = got.reason === want.reason;
      const codes = got.replyCode === want.replyCode && got.enhancedCode === want.enhancedCode;
      const permanent = got.permanent === want.permanent;
      tally.reason += Number(reason);
      tally.codes += Number(codes);
      tally.permanent += Number(permanent);
      if (!reason || !codes || !permanent) {
        misses.push(`${file}: got ${got.reason} ${String(got.permanent)} ${String(got.replyCode)} ${String(got.enhancedCode)}, want ${want.reason} ${String(want.permanent)} ${String(want.replyCode)} ${String(want.enhancedCode)}`);
      }
    }
    const share = (count: number): number => count / files.length;
    const percent = (count: number): string => `${(100 * share(count)).toFixed(1)}%`;
    console.info(`held-out bounces: reason ${percent(tally.reason)} · codes ${percent(tally.codes)} · permanence ${percent(tally.permanent)} (${String(files.length)} notices)${misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(share(tally.reason)).toBeGreaterThanOrEqual(0.95);
    expect(share(tally.codes)).toBeGreaterThanOrEqual(0.98);
    expect(share(tally.permanent)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractCodes on the reply forms these notices use', () => {
  const replies = (text: string): string[] => extractCodes(text).filter((f) => f.kind === 'reply').map((f) => `${f.value}@${String(f.start)}`);

  it('reads Exchange\'s "#550 5.1.1 ... ##" line but not a ticket number', () => {
    expect(replies('bob@example.org\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##')).toEqual(['550@17']);
    expect(replies('See ticket #550 for details')).toEqual([]);
  });

  it('reads the reply code field of an ESP\'s JSON event', () => {
    expect(replies('{\n  "code": 550,\n  "message": "5.1.1 no such user"\n}')).toEqual(['550@12']);
  });

  it('reads an expiry summary whose status class differs from its reply', () => {
    expect(replies("Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'")).toEqual(['550@24']);
    expect(replies('Version 250 4.4.7 build')).toEqual([]);
  });
});
