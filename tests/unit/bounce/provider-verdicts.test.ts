// Guards the per-provider verdict tables and the general rules added beside them: a provider's own
// documented code or fixed wording decides the reason over a generic enhanced status (RFC 3463),
// while look-alike tokens elsewhere do not. The texts are written for these tests in each provider's
// format, with other addresses, hosts and identifiers than any real bounce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyBounce } from '../../../src/lib/bounce/classify-bounce.ts';
import type { BounceEvidence } from '../../../src/lib/bounce/classify-bounce.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { findProviderVerdict } from '../../../src/lib/bounce/provider-verdicts.ts';
import { findAddressBlock } from '../../../src/lib/bounce/read-bounce-text.ts';
import { wrapReply } from '../../fixtures/bounce-templates.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';
import { corpusEmailFiles } from '../../fixtures/corpus-files.ts';

const catalogue = loadCatalogue();

// Each text as written, and with its case and white space changed (the tables' patterns mostly ignore case).
function variantsOf(text: string): string[] {
  return [text, text.toUpperCase(), text.toLowerCase(), text.replace(/ /g, '\n '), `x${text}x`];
}

function evidence(diagnostic: string, extra: Partial<BounceEvidence> = {}): BounceEvidence {
  return { diagnostic, context: '', status: null, replyCode: null, command: null, action: 'failed', ...extra };
}

describe('findProviderVerdict', () => {
  // A pattern runs only when the text may hold the literals it needs; the answer must not change.
  it('finds what running every pattern finds, in corpus emails, catalogue texts and their variants', () => {
    const texts = [...corpusEmailFiles().map((file) => readFileSync(file, 'latin1')), ...catalogue.flatMap((entry) => entry.texts)];
    expect(texts.length).toBeGreaterThan(1000);
    let found = 0;
    for (const text of texts) {
      for (const variant of variantsOf(text)) {
        const verdict = findProviderVerdict(variant);
        expect(verdict, variant.slice(0, 200)).toEqual(findProviderVerdict(variant, { prefilter: false }));
        if (verdict !== null) found += 1;
      }
    }
    expect(found).toBeGreaterThan(200);
  });

  it.each([
    ['550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426', 'suspend'],
    ['552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]', 'mailboxfull'],
    ['550 mwinf5a21 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/', 'blocked'],
    ['550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]', 'spamdetected'],
    ['554 198.51.100.7 has been blocked for the day, for attempting to send too many messages containing content judged to be spam by the internet community. IB111', 'blocked'],
    ['452 This message contains too many recipients. Reduce the number of recipients and retry. IB605', 'exceedlimit'],
    ['554 5.7.1 <mta-out.example.net>: sender rejected. Refer to the error codes page for more information. AUP#CXBL', 'blocked'],
    ['550 5.1.1 RCP-P2 https://postmaster.example.com/codes Refused due to recipient preferences', 'filtered'],
    ['554 Host network not allowed - see the permitted senders policy [AbCdEf123.eu101]', 'policyviolation'],
    ['554 5.7.1 <relay.example.net[198.51.100.9]:50211>: Client host rejected: #216 lpn LPN000_630', 'policyviolation'],
    ['554 email rejected due to security policies - MCSpamSignature.sa.9.1', 'spamdetected'],
    ['451 Account inbounds disabled. [Xy12AbCd.eu12]', 'notaccept'],
    ['451 Account service is temporarily unavailable - [Qw34.us201]', 'toomanyconn'],
    ['550 Envelope blocked – User Entry', 'rejected'],
    ['550 Rejected by header-based Blocked Senders - Block policy for Header From', 'rejected'],
    ['550 Rejected by header-based Anti-Spoofing policy: someone@example.org', 'policyviolation'],
    ['550 5.2.3 RESOLVER.RST.SendSizeLimit; message too large for this organization', 'mesgtoobig'],
  ] as const)('reads the provider code or wording in %s', (text, reason) => {
    expect(findProviderVerdict(text)?.reason).toBe(reason);
  });

  // One literal text, one cause: the catalogue entry holding a provider's own code or wording names the
  // cause the table gives it, so a pasted line and the whole bounce email get the same answer.
  it("gives every catalogue text it recognises the reason of that text's entry", () => {
    const disagreements = catalogue.flatMap((entry) =>
      entry.texts.flatMap((text) => {
        const verdict = findProviderVerdict(text);
        return verdict && verdict.reason !== entry.reason ? [`${entry.id}: ${verdict.text} is ${verdict.reason}, the entry says ${entry.reason}`] : [];
      }),
    );
    expect(disagreements).toEqual([]);
  });

  it('reads a PowerMTA bounce category field from the report', () => {
    const report = 'Final-Recipient: rfc822;someone@example.org\nAction: failed\nStatus: 5.0.0\nX-PowerMTA-BounceCategory: quota-issues\n';
    expect(findProviderVerdict(report)).toMatchObject({ provider: 'powermta', reason: 'mailboxfull' });
  });

  it('ignores look-alike tokens: lower-case ib codes, unknown OFR numbers, prose', () => {
    expect(findProviderVerdict('ticket ib607 was closed')).toBeNull();
    expect(findProviderVerdict('421 Service refused OFR_123 [123]')).toBeNull();
    expect(findProviderVerdict('Your account settings are saved.')).toBeNull();
    expect(findProviderVerdict('')).toBeNull();
  });
});

describe('classifyBounce with provider verdicts', () => {
  it('lets a provider code outrank the generic enhanced status it comes with', () => {
    const result = classifyBounce(evidence('550 5.5.0 Adresse destinataire invalide. Invalid recipient. LPN007_416', { status: '5.5.0', replyCode: '550', command: 'DATA' }));
    expect(result.reason).toBe('userunknown');
  });

  it('reads a disabled au (EZweb) account from the notification above a "user unknown" reply', () => {
    const context = 'The user(s) account is disabled.\n\n<someone@ezweb.example.jp>: 550 user unknown (in reply to RCPT TO command)';
    const result = classifyBounce(evidence('<someone@ezweb.example.jp>: 550 user unknown', { context, status: '5.0.0', command: 'RCPT' }));
    expect(result.reason).toBe('suspend');
  });

  it("reads Dovecot's own rejection over a report that says 5.1.1", () => {
    const context = 'Your message to <box@example.org> was automatically rejected:\nQuota exceeded (mailbox for user is full)\n';
    const result = classifyBounce(evidence('550 5.1.1 <box@example.org>... User Unknown', { context, status: '5.1.1', replyCode: '550' }));
    expect(result.reason).toBe('mailboxfull');
  });

  it('says an expiry gives way to the DNS failure the last attempt reported', () => {
    const context = '<to@example.org>... Deferred: Name server: example.org.: host name lookup failure\nMessage could not be delivered for 5 days';
    expect(classifyBounce(evidence('', { context, status: '4.4.7' })).reason).toBe('networkerror');
    expect(classifyBounce(evidence('', { context: 'Message could not be delivered for 5 days', status: '4.4.7' })).reason).toBe('expired');
  });

  it('reads a bare "Access denied" in reply to MAIL FROM as a refused sender, a refused client host as blocked', () => {
    expect(classifyBounce(evidence('550 5.7.1 Access denied', { status: '5.7.1', command: 'MAIL' })).reason).toBe('rejected');
    expect(classifyBounce(evidence('554 5.7.1 Client host rejected: Access denied', { status: '5.7.1', command: 'MAIL' })).reason).toBe('blocked');
  });

  it('reads X.1.10 as a null MX unless the reply says the mailbox is missing (RFC 7505 section 4.2)', () => {
    expect(classifyBounce(evidence('', { status: '5.1.10', context: 'Status: 5.1.10 (host/domain does not accept mail)' })).reason).toBe('notaccept');
    expect(classifyBounce(evidence('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', { status: '5.1.10', command: 'RCPT' })).reason).toBe('userunknown');
  });

  it("reads Microsoft's 5.4.312 as a failed DNS query, not an expiry", () => {
    expect(classifyBounce(evidence('550 5.4.312 Message expired, DNS query failed', { status: '5.4.312', replyCode: '550' })).reason).toBe('networkerror');
  });
});

describe('diagnoseBounce with the new wordings', () => {
  it.each([
    ['501 5.7.1 RCPT TO refused: this server is not configured to relay mail for that domain', 'norelaying'],
    ['550 5.7.0 The system found an illegal attachment in this message and refused it', 'policyviolation'],
    ['554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-2: sender@example.net', 'norelaying'],
    ['554 delivery error: dd This user doesn\'t have a example.com account (person@example.com) [0] - mx3.example.com', 'userunknown'],
  ] as const)('diagnoses %s', async (reply, reason) => {
    for (const wrapped of wrapReply(reply)) {
      const diagnosis = await diagnoseBounce(wrapped.email, catalogue);
      expect(diagnosis.reason, wrapped.format).toBe(reason);
    }
  });

  it("names Apple Mail's unsubscribe request a feedback message, not an auto-reply", async () => {
    const email = [
      'From: reader@example.org',
      'To: list-unsubscribe-42@example.net',
      'Subject: unsubscribe',
      'Auto-Submitted: auto-replied',
      'X-Apple-Unsubscribe: true',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Apple Mail sent this email to unsubscribe from the message "Weekly news".',
      '',
    ].join('\n');
    const diagnosis = await diagnoseBounce(email, catalogue);
    expect(diagnosis).toMatchObject({ kind: 'feedback', reason: 'feedback' });
  });
});

describe('findAddressBlock', () => {
  it('stops at the next recipient heading when recipients are not separated by blank lines', () => {
    const text = [
      'The following addresses failed:',
      '',
      '"first@example.org":',
      'SMTP error from remote server after RCPT command:',
      '550 5.1.1 <first@example.org>... User Unknown',
      '"second@example.org":',
      'SMTP error from remote server after RCPT command:',
      '552 5.2.2 <second@example.org>... Mailbox Full',
    ].join('\n');
    const block = findAddressBlock(text, 'first@example.org');
    expect(block).toContain('User Unknown');
    expect(block).not.toContain('Mailbox Full');
  });
});
