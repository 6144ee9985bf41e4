// Notices that are not classic bounces: sending services' JSON events (Amazon SES through SNS, SendGrid,
// Mailgun, Postmark), a mailing-list service refusing a post and a complaint loop that forwards the message,
// each named as what it is: a bounce with its cause, a complaint (kind feedback) or a delivery (kind delivered).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { findServiceNotice } from '../../../src/lib/bounce/read-service-notice.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

type Expected = { kind: string; reason: string };

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'notices');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, Expected>;
const catalogue = loadCatalogue();

describe('diagnoseBounce on sending-service notices', () => {
  it('has an expected verdict for every fixture file', () => {
    const onDisk = readdirSync(folder).filter((name) => name !== 'expected.json').sort();
    expect(onDisk).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('names %s as what it is', async (file, want) => {
    const diagnosis = await diagnoseBounce(readFileSync(path.join(folder, file), 'utf8'), catalogue);
    expect([diagnosis.kind, diagnosis.reason]).toEqual([want.kind, want.reason]);
  });
});

describe('findServiceNotice', () => {
  it('reads the event inside an SNS envelope, whose message is escaped JSON', () => {
    expect(findServiceNotice('{"Type":"Notification","Message":"{\\"notificationType\\":\\"Complaint\\"}"}')).toBe('complaint');
  });

  it('ignores prose and JSON that is no service event', () => {
    expect(findServiceNotice('The event was a bounce of sorts.')).toBeNull();
    expect(findServiceNotice('{"event": "birthday", "type": "party"}')).toBeNull();
  });
});
