// Six realistic bounces full of private data (tests/fixtures/private: display names, RFC 2047 subjects,
// base64 and quoted-printable parts, tenant hosts, IPv6 literals, quoted, non-ASCII and unusual local
// parts, _dmarc/_domainkey names, an inline copy of the original). Shared with the default options, none
// of each file's private strings may be left: not in the redacted text, not in any part once decoded
// (a MIME parser reads it as the opened page does), not in the link; and the diagnosis stays the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import type { Diagnosis } from '../../../src/lib/bounce/types.ts';
import { redactBounce } from '../../../src/lib/share/redact.ts';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/share/share-link.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', '..', 'fixtures', 'private');
const secrets = JSON.parse(readFileSync(path.join(fixtures, 'private-strings.json'), 'utf8')) as Record<string, string[]>;
const publicHosts = (JSON.parse(readFileSync(path.join(here, '..', '..', '..', 'public', 'data', 'diagnosis.json'), 'utf8')) as { publicHosts: string[] }).publicHosts;
const catalogue = loadCatalogue();

const verdict = (diagnosis: Diagnosis) => [diagnosis.kind, diagnosis.reason, diagnosis.permanent, diagnosis.replyCode, diagnosis.enhancedCode];

/** Everything a reader of the shared text can see: the raw text and every part and header, decoded. */
async function everythingReadable(text: string, depth = 0): Promise<string> {
  const email = await PostalMime.parse(text);
  const attachments = email.attachments.map((attachment) => (typeof attachment.content === 'string' ? attachment.content : new TextDecoder().decode(attachment.content)));
  const nested = depth < 2 ? await Promise.all(attachments.map((attachment) => everythingReadable(attachment, depth + 1))) : [];
  const people = [email.from, email.sender, ...(email.to ?? []), ...(email.cc ?? [])].flatMap((person) => (person ? [person.name, person.address ?? ''] : []));
  return [text, email.text ?? '', email.html ?? '', email.subject ?? '', ...people, ...email.headers.map((header) => `${header.key}: ${header.value}`), ...attachments, ...nested].join('\n');
}

const findLeaks = (readable: string, strings: readonly string[]): string[] => strings.filter((secret) => readable.toLowerCase().includes(secret.toLowerCase()));

describe('redactBounce on private bounces', () => {
  it.each(Object.keys(secrets))('leaves nothing private in %s and keeps its diagnosis', async (file) => {
    const original = readFileSync(path.join(fixtures, file), 'utf8');
    const strings = secrets[file] ?? [];
    // The fixture really holds its secrets, encoded or not.
    expect(findLeaks(await everythingReadable(original), strings)).toEqual(strings);

    const { text, report } = redactBounce(original, { publicHosts });
    expect(findLeaks(await everythingReadable(text), strings)).toEqual([]);
    const opened = decodeShareFragment(encodeShareFragment(text));
    expect(opened?.ok && findLeaks(await everythingReadable(opened.text), strings)).toEqual([]);
    expect(verdict(await diagnoseBounce(text, catalogue))).toEqual(verdict(await diagnoseBounce(original, catalogue)));
    expect(report.addresses).toBeGreaterThan(0);
  });

  it('keeps codes, provider tags, blocklist names and the provider part of tenant hosts', () => {
    const { text } = redactBounce(
      [
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found' by contoso-com.mail.protection.outlook.com",
        '554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org',
        '421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred; see https://postmaster.yahooinc.com/error-codes',
        '550 5.7.1 Unfortunately, messages from [203.0.113.9] weren\'t sent. AS(201806281) S3150 G17',
        'mx0a-00123401.pphosted.com said: 550 5.1.1 User Unknown; tenant contoso.onmicrosoft.com',
      ].join('\n'),
      { publicHosts },
    );
    for (const kept of ['RESOLVER.ADR.RecipientNotFound', '550 5.1.10', 'zen.spamhaus.org', '[TSS04]', 'postmaster.yahooinc.com', 'AS(201806281)', 'S3150', 'G17', '.mail.protection.outlook.com', '.pphosted.com', '.onmicrosoft.com']) {
      expect(text).toContain(kept);
    }
    for (const gone of ['contoso', '00123401', '203.0.113.9']) expect(text).not.toContain(gone);
  });

  it('keeps the labels of _dmarc and _domainkey names and maps the domain consistently', () => {
    const { text } = redactBounce('Checked _dmarc.example-shop.de and s1._domainkey.example-shop.de for bob@example-shop.de', { publicHosts });
    expect(text).toMatch(/_dmarc\.(domain\d+\.example\.com) and host\d+\._domainkey\.\1 for user\d+@\1/);
  });

  it('says what it removed and dropped', () => {
    const original = readFileSync(path.join(fixtures, 'exchange-onprem-full.eml'), 'utf8');
    const { report } = redactBounce(original, { publicHosts });
    expect(report).toMatchObject({ droppedAttachments: 1, encodedParts: 1 });
    expect(report.subjects).toBeGreaterThan(0);
    expect(report.names).toBeGreaterThan(0);
    expect(report.ips).toBe(1);
    // One subject is one line of the report, however often it appears; Message-IDs are counted as such.
    const online = redactBounce(readFileSync(path.join(fixtures, 'exchange-online-ndr.eml'), 'utf8'), { publicHosts }).report;
    expect(online.subjects).toBe(1);
    expect(online.droppedMessages).toBeGreaterThanOrEqual(1);
    expect(online.messageIds).toBeGreaterThanOrEqual(1);
  });
});
