// A large paste (over LARGE_TEXT characters) is kept whole for the diagnosis and for Share, while the
// text area shows only a labelled preview of its start, so the browser never lays out megabytes.
// Share prepares the link off the page's thread; jsdom has no Worker, so this runs the fallback path.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_TEXT } from '../../src/components/PasteBox.tsx';
import { decodeShareFragment } from '../../src/lib/share/share-link.ts';
import { renderApp } from './render-app.tsx';

const G8 = '550 5.1.1 <jane.doe@acme-corp.com>: Email address could not be found, or was misspelled (G8)';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  window.location.hash = '';
});

/** A delivery report whose returned original message carries a large attachment (dropped when shared). */
function bounceWithAttachment(size: number): string {
  const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\n';
  return `From: MAILER-DAEMON@mx.example.net
To: jane@acme-corp.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=us-ascii

${G8}

--XYZ
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; jane.doe@acme-corp.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; ${G8}

--XYZ
Content-Type: message/rfc822

From: jane@acme-corp.com
To: jane.doe@acme-corp.com
Subject: Quarterly figures
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="INNER"

--INNER
Content-Type: text/plain

See attached.

--INNER
Content-Type: application/pdf; name="figures.pdf"
Content-Transfer-Encoding: base64

${line.repeat(Math.ceil(size / line.length))}
--INNER--

--XYZ--
`;
}

async function pasteLarge(text: string) {
  const user = userEvent.setup();
  await renderApp('/');
  await user.click(screen.getByRole('textbox', { name: /bounce/i }));
  await user.paste(text);
  return user;
}

describe('PasteBox with a large paste', () => {
  it('shows a labelled preview and the size, and diagnoses the whole text', async () => {
    // The only code comes after the preview, so a verdict proves the whole text was read.
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(6000);
    const text = `${filler}${G8}\n`;
    expect(text.length).toBeGreaterThan(LARGE_TEXT);
    await pasteLarge(text);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /bounce/i });
    expect(box.value.length).toBeLessThan(5000);
    expect(text.startsWith(box.value)).toBe(true);
    expect(box).toHaveAttribute('readonly');
    expect(box).toHaveAccessibleDescription(/Large bounce: 0\.3 MB, from your paste\./);
    const region = await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 15_000 });
    expect(within(region).getAllByRole('heading')[0]).toHaveTextContent('The address does not exist');
  }, 30_000);

  it('puts the whole text in the box on "Edit the whole text", and Clear empties everything', async () => {
    const text = `${G8}\n${'x'.repeat(LARGE_TEXT)}`;
    const user = await pasteLarge(text);
    await user.click(screen.getByRole('button', { name: 'Edit the whole text' }));
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /bounce/i });
    expect(box.value).toBe(text);
    expect(box).not.toHaveAttribute('readonly');
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(box).toHaveValue('');
    expect(screen.queryByText(/Large bounce/)).toBeNull();
  }, 30_000);

  it('keeps a normal paste in the box, inserted where the cursor is', async () => {
    const user = userEvent.setup();
    await renderApp('/');
    const box = screen.getByRole('textbox', { name: /bounce/i });
    await user.type(box, 'before after');
    (box as HTMLTextAreaElement).setSelectionRange(7, 7);
    await user.paste('550 5.1.1 ');
    expect(box).toHaveValue('before 550 5.1.1 after');
    expect(screen.queryByText(/Large bounce/)).toBeNull();
  });

  it('shares a large bounce: "Preparing the link…", then a redacted link with the attachment dropped', async () => {
    const text = bounceWithAttachment(LARGE_TEXT + 50_000);
    const user = await pasteLarge(text);
    expect(screen.getByText(/Large bounce: 0\.3 MB, from your paste\./)).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 15_000 });
    // The link is ready within the click here; an observer records the state shown on the way.
    let preparing = false;
    const observer = new MutationObserver(() => {
      preparing ||= screen.queryByRole('progressbar', { name: 'Preparing the link' }) !== null && screen.queryByText('Preparing the link…', { selector: 'p[role=status]' }) !== null;
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Share link' }, { timeout: 15_000 });
    const shared = decodeShareFragment(new URL(field.value).hash);
    expect(shared?.ok).toBe(true);
    const sharedText = shared?.ok ? shared.text : '';
    expect(sharedText).toContain('(G8)');
    expect(sharedText).not.toContain('acme-corp');
    expect(sharedText).not.toContain('QUJDREVG');
    expect(within(screen.getByRole('list', { name: 'Removed from the link' })).getByText(/the copy of your original message/)).toBeInTheDocument();
    observer.disconnect();
    expect(preparing).toBe(true);
    expect(screen.queryByRole('progressbar', { name: 'Preparing the link' })).toBeNull();
  }, 30_000);
});
