// One diagnosed message turned into a bulk record: the category table (delays are bounces, unknown
// kinds are "other"), dates from the Date header (RFC 5322 section 3.3) or the delivery report, the
// refusing provider from the Remote-MTA or Reporting-MTA (RFC 3464 sections 2.2.2, 2.3.5), and real
// corpus bounces summarized end to end.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../../../src/lib/bounce/diagnose.ts';
import { nameProvider, readHostName, registrableDomain } from '../../../src/lib/bulk/host-providers.ts';
import { chooseTreatment, isSystemFile } from '../../../src/lib/bulk/read-plan.ts';
import { categorize, domainOf, parseMailDate, summarizeMessage } from '../../../src/lib/bulk/summarize-message.ts';
import { loadCatalogue } from '../../fixtures/load-catalogue.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = path.resolve(root, '../shared/bounces');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('categorize', () => {
  it.each([
    ['bounce', 'bounce'],
    ['delay', 'bounce'],
    ['vacation', 'auto-reply'],
    ['feedback', 'complaint'],
    ['delivered', 'other'],
    ['unknown', 'other'],
    ['notice', 'other'],
  ])('puts a %s in %s', (kind, category) => {
    expect(categorize(kind)).toBe(category);
  });
});

describe('parseMailDate', () => {
  it('reads RFC 5322 dates with zones and comments', () => {
    expect(parseMailDate('Tue, 4 Mar 2025 10:15:02 +0100 (CET)')).toBe('2025-03-04T09:15:02.000Z');
    expect(parseMailDate('4 Mar 2025 10:15:02 GMT')).toBe('2025-03-04T10:15:02.000Z');
  });

  it('refuses missing, unreadable and absurd dates', () => {
    expect(parseMailDate(null)).toBeNull();
    expect(parseMailDate('yesterday')).toBeNull();
    expect(parseMailDate('Thu, 1 Jan 1970 00:00:00 +0000')).toBeNull();
  });
});

describe('domainOf', () => {
  it('lower-cases the part after the last @', () => {
    expect(domainOf('Ann@Example.COM')).toBe('example.com');
    expect(domainOf('no-at-sign')).toBeNull();
    expect(domainOf('')).toBeNull();
  });
});

describe('host providers', () => {
  it('reads host names from MTA fields', () => {
    expect(readHostName('dns; mx.example.com')).toBe('mx.example.com');
    expect(readHostName('mx.example.com [192.0.2.1]')).toBe('mx.example.com');
    expect(readHostName('dns; [192.0.2.1]')).toBe('192.0.2.1');
    expect(readHostName('localhost')).toBeNull();
    expect(readHostName(null)).toBeNull();
  });

  it('names known providers and groups others by registrable domain', () => {
    expect(nameProvider('gmail-smtp-in.l.google.com')).toBe('Google');
    expect(nameProvider('example-com.mail.protection.outlook.com')).toBe('Microsoft');
    expect(nameProvider('mx1.eu.example.co.uk')).toBe('example.co.uk');
    expect(nameProvider('mx.example.com')).toBe('example.com');
    expect(registrableDomain('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('read plan', () => {
  it('tells zip, mbox and single messages apart by their first bytes', () => {
    expect(chooseTreatment('a.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(chooseTreatment('inbox', bytes('From MAILER-DAEMON Tue Mar  4 10:00:00 2025\n'))).toBe('mbox');
    expect(chooseTreatment('a.eml', bytes('Return-Path: <>\nFrom: MAILER-DAEMON\n'))).toBe('message');
  });

  it('passes over system files of folders and archives', () => {
    expect(isSystemFile('bounces/.DS_Store')).toBe(true);
    expect(isSystemFile('__MACOSX/bounces/._a.eml')).toBe(true);
    expect(isSystemFile('bounces/a.eml')).toBe(false);
  });
});

describe('summarizeMessage', () => {
  const catalogue = loadCatalogue();
  const summarize = async (file: string) => {
    const decoded = decodeBytes(readFileSync(path.join(corpus, file)));
    if (!decoded.ok) throw new Error(decoded.error);
    return summarizeMessage(file, decoded.text, await diagnoseBounce(decoded.text, catalogue));
  };

  it('summarizes a real delivery report with its recipient, codes, date and refusing provider', async () => {
    const summary = await summarize('Activehunter/lhost-activehunter-01.eml');
    expect(summary.category).toBe('bounce');
    expect(summary.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(summary.recipients[0]?.address).toBe('kijitora@example.org');
    expect(summary.recipients[0]?.domain).toBe('example.org');
    expect(summary.recipients[0]?.reason).toBe(summary.reason);
  });

  it('gives a complaint no failed recipients', async () => {
    const summary = await summarize('RFC3834/arf-26.eml');
    expect(summary.category).toBe('complaint');
    expect(summary.recipients).toEqual([]);
  });

  it('gives a bounce without any address one row with the verdict', async () => {
    const text = 'Delivery failed.\n550 5.1.1 User unknown\n';
    const summary = summarizeMessage('fragment.txt', text, await diagnoseBounce(text, catalogue));
    expect(summary.category).toBe('bounce');
    expect(summary.recipients).toHaveLength(1);
    expect(summary.recipients[0]?.address).toBe('');
    expect(summary.recipients[0]?.enhancedCode).toBe('5.1.1');
  });
});
