// What a wrong-answer report says about the diagnosis of a paste: the answer in our own words (never a
// recipient's address) and the codes found, each offered separately.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { describeAnswer, listFoundCodes } from '../../../src/lib/feedback/report-diagnosis.ts';
import { readVerdicts } from '../../../src/lib/verdict/read-verdicts.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';
import type { DiagnosisData } from '../../../src/lib/content/build.ts';
import { unpackDiagnosisData } from '../../../src/lib/content/diagnosis-data.ts';
import type { StoredDiagnosisData } from '../../../src/lib/content/diagnosis-data.ts';
import type { ReasonGuides } from '../../../src/lib/content/reason-guides.ts';

const catalogue = loadCatalogue();
const data: DiagnosisData = unpackDiagnosisData(JSON.parse(readFileSync('public/data/diagnosis.json', 'utf8')) as StoredDiagnosisData);
const guides = JSON.parse(readFileSync('public/data/reason-guides.json', 'utf8')) as ReasonGuides;

async function read(text: string) {
  const diagnosis = await diagnoseBounce(text, catalogue);
  return { diagnosis, reading: readVerdicts(text, diagnosis, data.entries, guides) };
}

describe('describeAnswer', () => {
  it('gives the headline, cause, permanence, how sure and the deciding entry, and no address', async () => {
    const { diagnosis, reading } = await read('550 5.1.1 <pat.doe@example.org>: Email address could not be found, or was misspelled (G8)');
    const lines = describeAnswer(reading, diagnosis);
    expect(lines).toEqual(['The address does not exist (userunknown, permanent, exact match; entry /bounces/rackspace/g8-email-address-not-found)']);
    expect(lines.join(' ')).not.toContain('pat.doe');
  });

  it('says when no bounce was found', async () => {
    const { diagnosis, reading } = await read('Hello Bob, see you at lunch tomorrow.');
    expect(describeAnswer(reading, diagnosis)).toEqual(['No bounce codes found in the text']);
  });
});

describe('listFoundCodes', () => {
  it('lists each code, tag and blocklist once, in the order of the text', async () => {
    const { diagnosis } = await read('550 5.7.1 Service unavailable; client host [192.0.2.1] blocked using zen.spamhaus.org; 550 5.7.1 again');
    expect(listFoundCodes(diagnosis)).toEqual(['550', '5.7.1', 'zen.spamhaus.org']);
  });
});
