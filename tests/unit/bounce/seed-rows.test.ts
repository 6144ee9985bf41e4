// Guards the catalogue and the engine against each other (STYLE.md habit 8): each of the seed's 30
// rows, pasted alone or inside a full bounce of several servers' formats, is matched to its own
// catalogue entry first, and its reply and enhanced codes are found at their exact offsets.
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { wrapReply } from '../../fixtures/bounce-templates.ts';
import { entryForText, loadCatalogue, loadSeedRows } from '../../fixtures/load-catalogue.ts';

const catalogue = loadCatalogue();
const rows = loadSeedRows().map((row) => ({ ...row, entry: entryForText(catalogue, row.text) }));

describe('diagnoseBounce on the seed rows', () => {
  it('has a catalogue entry for every seed row', () => {
    expect(rows.filter((row) => row.entry === undefined).map((row) => row.text)).toEqual([]);
  });

  it.each(rows.map((row) => [row.text, row] as const))('matches its own entry first for %j pasted alone', async (_text, row) => {
    const diagnosis = await diagnoseBounce(row.text, catalogue);
    expect(diagnosis.matches[0]?.id).toBe(row.entry?.id);
    const reply = diagnosis.codes.find((f) => f.kind === 'reply');
    const enhanced = diagnosis.codes.find((f) => f.kind === 'enhanced');
    expect(reply?.value ?? null).toBe(row.reply);
    expect(enhanced?.value ?? null).toBe(row.enhanced);
    if (reply) expect(row.text.slice(reply.start, reply.end)).toBe(row.reply);
    if (enhanced) expect(row.text.slice(enhanced.start, enhanced.end)).toBe(row.enhanced);
    if (row.tag) expect(diagnosis.codes.some((f) => f.kind === 'tag' && f.value === row.tag)).toBe(true);
  });

  const wrapped = rows.flatMap((row) => wrapReply(row.text).map((bounce) => [`${row.text} (${bounce.format})`, row, bounce] as const));
  it.each(wrapped)('matches its own entry first for %s', async (_name, row, bounce) => {
    const diagnosis = await diagnoseBounce(bounce.email, catalogue);
    expect(diagnosis.matches[0]?.id).toBe(row.entry?.id);
    expect(diagnosis.kind).not.toBe('unknown');
    if (bounce.at >= 0 && row.enhanced) {
      const at = bounce.at + row.text.indexOf(row.enhanced);
      expect(diagnosis.codes).toContainEqual({ kind: 'enhanced', value: row.enhanced, start: at, end: at + row.enhanced.length });
    }
    if (bounce.at >= 0 && row.reply && row.text.startsWith(row.reply)) {
      expect(diagnosis.codes).toContainEqual({ kind: 'reply', value: row.reply, start: bounce.at, end: bounce.at + 3 });
    }
    if (bounce.at < 0 && row.enhanced) {
      // Encoded (quoted-printable) text: the code is found in the raw text or, failing that, in the decoded part.
      expect(diagnosis.codes.some((f) => f.value === row.enhanced)).toBe(true);
    }
  });
});
