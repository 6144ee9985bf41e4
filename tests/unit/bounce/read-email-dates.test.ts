// The engine as the tests (and the site) load it reads a quoted message's Date through the patched
// postal-mime (scripts/vite-postal-mime.ts in vitest.config.ts): one fixed UTC form, whatever the zone the
// process runs in. Without the patch, Tokyo time would write "3/25/2017, 04:34:56".
import { afterEach, describe, expect, it } from 'vitest';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const forwarded = (date: string): string =>
  [
    'From: Alice Example <alice@example.com>',
    'Subject: Fwd: bounced',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: message/rfc822',
    '',
    'From: MAILER-DAEMON@mx.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${date}`,
    '',
    '<bob@example.org>: 550 5.1.1 User unknown',
    '',
    '--outer--',
    '',
  ].join('\n');

describe('a quoted message date in the engine the tests load', () => {
  it('is written in UTC in one form under any process time zone', async () => {
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      const parts = await readEmail(forwarded('Fri, 24 Mar 2017 12:34:56 -0700'));
      expect(parts.body, tz).toMatch(/^Date: +3\/24\/2017, 19:34:56$/m);
    }
  });
});
