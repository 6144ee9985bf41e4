// Table-driven over the real-bounce corpus (../shared/bounces, 428 emails with expected verdicts
// from an established bounce analyser): every email is diagnosed without an exception, and the
// reason, enhanced status (RFC 3463) and reply code (RFC 5321) agree with the table often enough.
// The expected values are a reference, not the truth, so agreement is measured, not required per file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import type { Diagnosis } from '../../../src/lib/bounce/types.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

type Expected = { file: string; reason: string; status: string; statusVerbatim: boolean; reply: string; replyVerbatim: boolean };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = path.resolve(root, '../shared/bounces');
const expectedPath = path.join(corpus, 'expected.jsonl');
const rows: Expected[] = existsSync(expectedPath)
  ? readFileSync(expectedPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Expected)
  : [];
const catalogue = loadCatalogue();
const results = new Map<string, Diagnosis>();

async function diagnoseFile(file: string): Promise<Diagnosis> {
  const cached = results.get(file);
  if (cached) return cached;
  const decoded = decodeBytes(readFileSync(path.join(corpus, file)));
  if (!decoded.ok) throw new Error(decoded.error);
  const diagnosis = await diagnoseBounce(decoded.text, catalogue);
  results.set(file, diagnosis);
  return diagnosis;
}

// The corpus sits beside the project, not in it: a checkout elsewhere skips this table, but CI must have it.
describe('the real-bounce corpus', () => {
  it.runIf(process.env.CI)('is present where CI runs', () => {
    expect(rows.length, `${expectedPath} is missing`).toBeGreaterThan(400);
  });
});

describe.skipIf(rows.length === 0)('diagnoseBounce on the real-bounce corpus', () => {
  it.each(rows.map((row) => [row.file, row] as const))('diagnoses %s with codes that stand in the text', async (_file, row) => {
    const diagnosis = await diagnoseFile(row.file);
    const text = decodeBytes(readFileSync(path.join(corpus, row.file)));
    for (const finding of diagnosis.codes.filter((f) => !f.decoded)) {
      expect(text.ok && text.text.slice(finding.start, finding.end)).toBe(finding.value);
    }
    expect(diagnosis.reasonLabel.length).toBeGreaterThan(0);
  });

  it('agrees with the expected reason, status and reply code often enough', async () => {
    const tally = { reason: 0, status: 0, statusAll: 0, reply: 0, replyAll: 0 };
    for (const row of rows) {
      const diagnosis = await diagnoseFile(row.file);
      if (diagnosis.reason === row.reason) tally.reason += 1;
      if (row.statusVerbatim) {
        tally.statusAll += 1;
        if (diagnosis.enhancedCode === row.status) tally.status += 1;
      }
      if (row.replyVerbatim) {
        tally.replyAll += 1;
        if ((diagnosis.replyCode ?? '') === row.reply) tally.reply += 1;
      }
    }
    // Floors just under the level reached by the scored diagnosis (reason 93.5%, status 99.7%, reply
    // 99.7%), so a regression fails; raise them as the diagnosis improves.
    expect(tally.reason / rows.length).toBeGreaterThanOrEqual(0.93);
    expect(tally.status / Math.max(1, tally.statusAll)).toBeGreaterThanOrEqual(0.99);
    expect(tally.reply / Math.max(1, tally.replyAll)).toBeGreaterThanOrEqual(0.99);
  });
});
