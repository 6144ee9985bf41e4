// Redaction must not change the diagnosis: for every real bounce in both corpora (../shared/bounces and
// ../shared/bounces-more), the redacted text, with the default options (original message and attachments
// dropped) and with everything kept, gets the same kind, reason, permanence, reply code and enhanced code.
// One exception, checked mechanically: a code the engine read from the returned copy or the original's
// subject (a version number such as "Mailman 2.0.2") is gone with them; kind and reason must still be the
// same, and that code must occur nowhere in the shared text outside header fields (such as
// "X-Mailman-Version: 2.0.2", which the engine does not read as a code). Likewise, with the returned copy
// dropped, a reason whose deciding evidence (its words, as the engine reports them) stood only in that copy
// (a quoted subject such as "awaits moderator approval") may go with it: those words must be gone; when the
// engine reports no evidence at all, the same text redacted with the copy kept must then match exactly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import type { Diagnosis } from '../../../src/lib/bounce/types.ts';
import { redactBounce } from '../../../src/lib/share/redact.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const catalogue = loadCatalogue();
const publicHosts = (JSON.parse(readFileSync(path.join(root, 'public', 'data', 'diagnosis.json'), 'utf8')) as { publicHosts: string[] }).publicHosts;

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(?:jsonl|md)$/.test(name) ? [] : [full];
  });
}

const outsideHeaders = (text: string): string =>
  text
    .split(/\r\n|\n|\r/)
    .filter((line) => !/^[\w-]+:/.test(line))
    .join('\n');

/** Whether a code stands in the text on its own ("2.0.2", not inside the address "192.0.2.1"). */
const mentionsCode = (text: string, code: string): boolean => new RegExp(`(?<![\\d.])${code.replace(/\./g, '\\.')}(?![\\d]|\\.\\d)`).test(text);

const verdict = (diagnosis: Diagnosis) => ({
  kind: diagnosis.kind,
  reason: diagnosis.reason,
  permanent: diagnosis.permanent,
  replyCode: diagnosis.replyCode,
  enhancedCode: diagnosis.enhancedCode,
});

describe.each(['bounces', 'bounces-more'])('redactBounce over ../shared/%s', (corpus) => {
  const files = filesUnder(path.resolve(root, '..', 'shared', corpus));

  it.runIf(files.length > 0)('keeps the diagnosis of every file, dropping the original or keeping it', async () => {
    const differences: string[] = [];
    for (const file of files) {
      const decoded = decodeBytes(readFileSync(file));
      if (!decoded.ok) continue;
      const originalDiagnosis = await diagnoseBounce(decoded.text, catalogue);
      const original = verdict(originalDiagnosis);
      const deciding = originalDiagnosis.evidence[0]?.text ?? '';
      let keptMatches = false;
      for (const dropOriginal of [false, true]) {
        const redacted = redactBounce(decoded.text, { publicHosts, dropOriginal }).text;
        const shared = verdict(await diagnoseBounce(redacted, catalogue));
        const fromDroppedCopy =
          shared.kind === original.kind &&
          shared.reason === original.reason &&
          (['replyCode', 'enhancedCode'] as const).every((field) => shared[field] === original[field] || (shared[field] === null && !mentionsCode(outsideHeaders(redacted), original[field] ?? ''))) &&
          (shared.permanent === original.permanent || shared.enhancedCode !== original.enhancedCode || shared.replyCode !== original.replyCode);
        if (!dropOriginal) keptMatches = JSON.stringify(shared) === JSON.stringify(original);
        const reasonFromDroppedCopy =
          dropOriginal &&
          (deciding === ''
            ? keptMatches
            : deciding.length >= 8 && !redacted.toLowerCase().includes(deciding.toLowerCase()) && decoded.text.toLowerCase().includes(deciding.toLowerCase()));
        if (JSON.stringify(shared) !== JSON.stringify(original) && !fromDroppedCopy && !reasonFromDroppedCopy) {
          differences.push(`${path.relative(root, file)} (dropOriginal ${String(dropOriginal)}): ${JSON.stringify(original)} -> ${JSON.stringify(shared)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
