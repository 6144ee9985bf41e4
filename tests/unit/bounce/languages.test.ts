// Bounces in other languages: whole notices as localised servers and NDRs write them (German, French,
// Spanish, Italian, Portuguese, Dutch, Polish, Japanese, Chinese), in their usual charsets and transfer
// encodings (ISO-8859-x quoted-printable, UTF-8 base64, ISO-2022-JP, GB2312, Big5). Most carry only a
// generic status (5.0.0) or none, so the cause must come from the wording (reason-phrases-i18n.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

type Expected = { reason: string | null; kind: string };

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'languages');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, Expected>;
const catalogue = loadCatalogue();

describe('diagnoseBounce on notices in other languages', () => {
  it('has an expected verdict for every fixture file', () => {
    const onDisk = readdirSync(folder).filter((name) => name !== 'expected.json').sort();
    expect(onDisk).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('reads the cause of %s', async (file, want) => {
    const decoded = decodeBytes(readFileSync(path.join(folder, file)));
    if (!decoded.ok) throw new Error(decoded.error);
    const diagnosis = await diagnoseBounce(decoded.text, catalogue);
    expect(diagnosis.kind).toBe(want.kind);
    if (want.reason !== null) expect(diagnosis.reason).toBe(want.reason);
  });
});
