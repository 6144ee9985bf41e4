// The paste box as a person uses it: paste a bounce, get the verdict card first (headline, permanence,
// who acts, the steps for the sender), then their own text with its codes marked and the best catalogue
// entry; share a redacted link; bad input gets a clear message; pasted HTML stays text.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../src/lib/share/share-link.ts';
import { renderApp } from './render-app.tsx';

const G8 = '550 5.1.1 <jane.doe@acme-corp.com>: Email address could not be found, or was misspelled (G8)';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  window.location.hash = '';
});

async function pasteAndDiagnose(text: string) {
  const user = userEvent.setup();
  await renderApp('/');
  const box = screen.getByRole('textbox', { name: /bounce/i });
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  const region = await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 10_000 });
  return { user, region };
}

describe('PasteBox', () => {
  it('marks the codes in the pasted text and links each to its page', async () => {
    await pasteAndDiagnose(G8);
    const shown = screen.getByLabelText('Your bounce, with the codes marked');
    const marks = shown.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['550', '5.1.1', 'G8']);
    expect(within(marks[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/codes/550');
    expect(within(marks[1] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/codes/5.1.1');
    expect(within(marks[2] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/bounces/rackspace/g8-email-address-not-found');
  });

  it('leads with the verdict, whether it fixes itself, who acts, and the steps for the sender', async () => {
    const { region } = await pasteAndDiagnose(G8);
    const heading = within(region).getAllByRole('heading')[0] as HTMLElement;
    expect(heading).toHaveTextContent('The address does not exist');
    expect(region).toHaveTextContent(/Will it fix itself\?:?\s*■?\s*Permanent/);
    expect(region).toHaveTextContent('How sure: exact match');
    expect(within(region).getByRole('radio', { name: 'The sender' })).toBeChecked();
    expect(within(within(region).getByRole('list', { name: 'Steps for the sender' })).getAllByRole('listitem').length).toBeGreaterThan(0);
    const matches = within(region).getByRole('list', { name: 'Matching entries' });
    const first = within(matches).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getAllByRole('link')[0]).toHaveAttribute('href', '/bounces/rackspace/g8-email-address-not-found');
  });

  it('shows the steps for the role the reader picks and remembers the choice', async () => {
    const { user, region } = await pasteAndDiagnose(G8);
    const sender = within(region).getByRole('list', { name: 'Steps for the sender' }).textContent;
    await user.click(within(region).getByRole('radio', { name: "The recipient's mail admin" }));
    expect(within(region).getByRole('radio', { name: "The recipient's mail admin" })).toBeChecked();
    const admin = within(region).getByRole('list', { name: "Steps for the recipient's mail admin" });
    expect(admin.textContent).not.toBe(sender);
    expect(localStorage.getItem('bouncedoc:role')).toBe('recipient-admin');
  });

  it('shares a link that carries the bounce with the addresses replaced', async () => {
    const { user } = await pasteAndDiagnose(G8);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const field = await screen.findByRole('textbox', { name: 'Share link' });
    const link = new URL((field as HTMLInputElement).value);
    expect(link.pathname).toBe('/');
    expect(link.hash).toMatch(/^#v1\.[0-9a-f]{8}\./);
    expect(link.href).not.toContain('acme-corp');
    const shared = decodeShareFragment(link.hash);
    expect(shared).toEqual({ ok: true, legacy: false, text: '550 5.1.1 <user1@domain1.example.com>: Email address could not be found, or was misspelled (G8)' });
  });

  it('reopens a shared link with its diagnosis', async () => {
    const { encodeShareFragment } = await import('../../src/lib/share/share-link.ts');
    window.location.hash = encodeShareFragment(G8);
    await renderApp('/');
    const region = await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 10_000 });
    expect(within(region).getAllByRole('heading')[0]).toHaveTextContent('The address does not exist');
    expect(screen.getByRole('textbox', { name: /bounce/i })).toHaveValue(G8);
  });

  it('says clearly when a share link is damaged, instead of showing nothing', async () => {
    window.location.hash = 'bounce=N4IgLgpg';
    await renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent(/damaged/);
  });

  it('shows pasted HTML as text and runs nothing', async () => {
    const payload = '550 5.1.1 <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> User unknown';
    await pasteAndDiagnose(payload);
    const shown = screen.getByLabelText('Your bounce, with the codes marked');
    expect(shown.querySelector('img, script')).toBeNull();
    expect(shown).toHaveTextContent('<img src=x onerror="window.__xss=1">');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('clears the text and the diagnosis', async () => {
    const { user } = await pasteAndDiagnose(G8);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByRole('textbox', { name: /bounce/i })).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Diagnosis' })).toBeNull();
  });

  it('reads a chosen .eml file and refuses a binary one with a message', async () => {
    // Files can also be dropped, which bypasses the picker's type filter: check the content itself.
    const user = userEvent.setup({ applyAccept: false });
    await renderApp('/');
    const input = screen.getByLabelText('Bounce file');
    await act(() => user.upload(input, new File([new Uint8Array([0, 1, 2, 0, 255])], 'photo.jpg')));
    expect(await screen.findByRole('alert')).toHaveTextContent('“photo.jpg” does not look like an email or a text file');
    await act(() => user.upload(input, new File([G8], 'bounce.eml', { type: 'message/rfc822' })));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /bounce/i })).toHaveValue(G8));
    expect(await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
