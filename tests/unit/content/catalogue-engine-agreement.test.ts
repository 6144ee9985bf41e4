// One answer (STYLE.md habit 8, issue "one literal text has one cause"): every literal text of every catalogue
// entry, pasted alone, gets the entry's own reason from the diagnosis. The texts below still disagree. The list
// may only shrink: a new disagreement fails, and one that is gone is printed to be removed.
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const KNOWN_DISAGREEMENTS = new Set([
  // Sendmail's own summary line after a remote refusal: the entry says it names no cause (undefined), the
  // engine reads the generic wording "Service unavailable" (systemerror). The page leads with the entry.
  'generic/554-5-0-0-service-unavailable -> systemerror',
]);

const catalogue = loadCatalogue();

describe('diagnoseBounce on each catalogue text pasted alone', () => {
  it("names the entry's own reason, apart from the known disagreements", async () => {
    const found = new Set<string>();
    const fresh: string[] = [];
    for (const entry of catalogue) {
      for (const text of entry.texts) {
        const { reason } = await diagnoseBounce(text, catalogue);
        if (reason === entry.reason) continue;
        const key = `${entry.id} -> ${reason}`;
        found.add(key);
        if (!KNOWN_DISAGREEMENTS.has(key)) fresh.push(`${key} (the entry says ${entry.reason}): ${text.slice(0, 100)}`);
      }
    }
    const gone = [...KNOWN_DISAGREEMENTS].filter((key) => !found.has(key));
    if (gone.length > 0) console.log(`agree now, remove from the list:\n${gone.join('\n')}`);
    expect(fresh).toEqual([]);
  });
});
