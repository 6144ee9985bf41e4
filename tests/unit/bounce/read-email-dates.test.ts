// The engine as the tests (and the site) load it reads a quoted message's Date through the patched
// postal-mime (scripts/vite-postal-mime.ts in vitest.config.ts): one fixed UTC form, whatever the zone the
// process runs in. Without the patch, Tokyo time would write "3/25/2017, 04:34:56".
import { afterEach, describe, expect, it } from 'vitest';
import { readEmail } from '../../../src/lib/bounce/read-email.ts';
import { forwardedWithDate } from '../../fixtures/bounce-forwarded.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('a quoted message date in the engine the tests load', () => {
  it('is written in UTC in one form under any process time zone', async () => {
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      const parts = await readEmail(forwardedWithDate('Fri, 24 Mar 2017 12:34:56 -0700'));
      expect(parts.body, tz).toMatch(/^Date: +3\/24\/2017, 19:34:56$/m);
    }
  });
});
