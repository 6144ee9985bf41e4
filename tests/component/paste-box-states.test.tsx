// Each state of the verdict card, as a person meets it: a catalogue match, codes with no match, text
// with no codes (and a mail app's notice), several recipients, a message that is not a bounce, a very
// large code-dense paste, and a question typed into the box.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app.tsx';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

async function diagnose(text: string) {
  const user = userEvent.setup();
  const view = await renderApp('/');
  const box = screen.getByRole('textbox', { name: /bounce/i });
  // A large paste arrives in one piece, as a real paste does, rather than key by key.
  (box as HTMLTextAreaElement).focus();
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  const region = await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 15_000 });
  return { user, region, ...view };
}

const headline = (region: HTMLElement): string => (within(region).getAllByRole('heading')[0] as HTMLElement).textContent;
const firstSteps = (region: HTMLElement) => within(region).getAllByRole('list', { name: /^Steps/ })[0] as HTMLElement;

const DSN = (blocks: string) => `From: MAILER-DAEMON@mx.example.net
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XYZ"

--XYZ
Content-Type: text/plain

This is the mail system at host mx.example.net.

--XYZ
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
${blocks}
--XYZ--
`;
const block = (address: string, status: string, diagnostic: string) => `
Final-Recipient: rfc822; ${address}
Action: failed
Status: ${status}
Diagnostic-Code: smtp; ${diagnostic}
`;

describe('the verdict card', () => {
  it('names the matching entry that decided it, with how sure and why', async () => {
    const { region } = await diagnose('550 5.3.4 Message too large (G17)');
    expect(headline(region)).toMatch(/too large/i);
    expect(region).toHaveTextContent('How sure: exact match');
    expect(within(region).getByRole('link', { name: /Read more: Message too large \(G17\)/ })).toHaveAttribute('href', '/bounces/rackspace/g17-message-too-large');
    expect(within(firstSteps(region)).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it("still gives steps when nothing in the catalogue matches, from the reason's own guide", async () => {
    const { region } = await diagnose('452 4.3.1 Insufficient system storage on the zorblax cluster');
    expect(region).toHaveTextContent('How sure: inferred from the codes');
    expect(region).toHaveTextContent(/Temporary/);
    expect(within(region).getByRole('radio', { name: 'The sender' })).toBeChecked();
    expect(within(firstSteps(region)).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('explains how to get the full bounce when the text has no codes', async () => {
    const { region } = await diagnose('Hello Bob, see you at lunch tomorrow.');
    expect(headline(region)).toContain('No bounce codes in this text');
    const steps = within(region).getByRole('list', { name: 'Steps to get the full bounce' });
    for (const words of ['Show original', 'View message details', 'Raw source', 'View source']) expect(steps).toHaveTextContent(words);
  });

  it("reads a mail app's notice: the domain does not exist, did you mean gmail.com?", async () => {
    const { region } = await diagnose(`Address not found
Your message wasn't delivered to bob@gmial.com because the domain gmial.com couldn't be found. Check for typos or unnecessary spaces and try again.
The response was:
DNS Error: DNS type 'mx' lookup of gmial.com responded with code NXDOMAIN Domain name not found: gmial.com`);
    expect(headline(region)).toMatch(/domain does not exist/i);
    expect(region).toHaveTextContent('Did you mean gmail.com?');
  });

  it('gives one card for recipients failing the same way and another for a different reason', async () => {
    const { region } = await diagnose(
      DSN(
        block('a@example.org', '5.1.1', '550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table') +
          block('b@example.org', '5.1.1', '550 5.1.1 <b@example.org>: Recipient address rejected: User unknown in local recipient table') +
          block('c@example.net', '5.2.2', '552 5.2.2 <c@example.net>: Mailbox full'),
      ),
    );
    const cards = within(region).getAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('Diagnosis 1 of 2');
    expect(within(cards[0] as HTMLElement).getByRole('list', { name: 'Recipients' })).toHaveTextContent('a@example.orgb@example.org');
    expect(cards[1]).toHaveTextContent(/mailbox is full/i);
    expect(within(cards[1] as HTMLElement).getByRole('list', { name: 'Recipients' })).toHaveTextContent('c@example.net');
  });

  it('says an automatic reply means the message was delivered', async () => {
    const { region } = await diagnose(`From: bob@example.org
To: jane@example.com
Subject: Automatic reply: Hello
Auto-Submitted: auto-replied
X-Autoreply: yes

I am out of the office until Monday with limited access to email. For urgent matters contact alice@example.org.`);
    expect(headline(region)).toMatch(/delivered/i);
    expect(region).toHaveTextContent(/Delivered/);
    expect(region).toHaveTextContent(/Who has to act:\s*Nobody/);
    expect(region).not.toHaveTextContent('How sure');
  });

  it('marks at most 200 codes of a code-dense paste, counts the rest and folds the text', async () => {
    const { region } = await diagnose('550 5.1.1 '.repeat(20_000));
    const shown = within(region).getByLabelText('Your bounce, with the codes marked');
    expect(shown.querySelectorAll('mark').length).toBeLessThanOrEqual(200);
    expect(region).toHaveTextContent(/The first 200 codes are marked; [\d,]+ more are not\./);
    expect(within(region).getByRole('button', { name: /Show the whole text/ })).toHaveAttribute('aria-expanded', 'false');
    expect(within(firstSteps(region)).getAllByRole('listitem').length).toBeGreaterThan(0);
  }, 60_000);

  it('makes repeated code marks one tab stop, moved through with the arrow keys', async () => {
    const { user, region } = await diagnose('550 5.1.1 <bob@example.org>: User unknown\n550 5.1.1 <ann@example.org>: User unknown');
    const links = [...within(region).getByLabelText('Your bounce, with the codes marked').querySelectorAll('a')];
    expect(links.filter((link) => link.tabIndex === 0)).toHaveLength(1);
    (links[0] as HTMLElement).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(links[1]);
    expect(links[1]?.tabIndex).toBe(0);
  });

  it('sends a question typed into the box to search', async () => {
    const user = userEvent.setup();
    const { router } = await renderApp('/');
    await user.type(screen.getByRole('textbox', { name: /bounce/i }), 'what does 550 mean');
    await user.click(screen.getByRole('button', { name: 'Diagnose' }));
    await expect.poll(() => router.state.location.search).toEqual({ q: 'what does 550 mean' });
  });
});
