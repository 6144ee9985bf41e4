// "This answer is wrong" under a diagnosis, as a person uses it: a closed disclosure until asked for; the
// report carries only what is ticked (the answer and the codes by default, the bounce only when chosen,
// then redacted as share links are), its text is shown before anything leaves, and it opens the
// build-time tracker address in a new tab.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app.tsx';

const BOUNCE = [
  'Final-Recipient: rfc822; jane.doe@acme-corp.example',
  'Action: failed',
  'Status: 5.1.1',
  'Remote-MTA: dns; mx.acme-corp.example [203.0.113.44]',
  'Diagnostic-Code: smtp; 550 5.1.1 <jane.doe@acme-corp.example>: Email address could not be found, or was misspelled (G8)',
].join('\n');

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

async function openReport() {
  const user = userEvent.setup();
  await renderApp('/');
  await user.click(screen.getByRole('textbox', { name: /bounce/i }));
  await user.paste(BOUNCE);
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  const region = await screen.findByRole('region', { name: 'Diagnosis' }, { timeout: 10_000 });
  const toggle = within(region).getByRole('button', { name: 'This answer is wrong' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(within(region).queryByRole('link', { name: /open the report/i })).toBeNull();
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = within(region).getByRole('region', { name: 'Report a wrong answer' });
  return { user, panel };
}

function reportOf(link: HTMLElement): { url: URL; title: string; body: string } {
  const url = new URL(link.getAttribute('href') ?? '');
  return { url, title: url.searchParams.get('title') ?? '', body: url.searchParams.get('body') ?? '' };
}

describe('ReportWrongAnswer', () => {
  it('opens a prefilled issue with the answer and the codes, and no part of the bounce by default', async () => {
    const { panel } = await openReport();
    expect(within(panel).getByRole('checkbox', { name: /The answer shown here/ })).toBeChecked();
    expect(within(panel).getByRole('checkbox', { name: /The codes found/ })).toBeChecked();
    expect(within(panel).getByRole('checkbox', { name: /The bounce text/ })).not.toBeChecked();
    const link = within(panel).getByRole('link', { name: /open the report/i });
    expect(link).toHaveAccessibleName('Open the report on the issue tracker (opens in a new tab)');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const { url, title, body } = reportOf(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/bouncedoc/bouncedoc/issues/new');
    expect(title).toBe('Wrong answer: The address does not exist');
    expect(body).toContain('- The address does not exist (userunknown, permanent, exact match; entry /bounces/rackspace/g8-email-address-not-found)');
    expect(body).toContain('Codes found: 5.1.1, 550, G8');
    expect(body).not.toMatch(/jane\.doe|acme-corp|203\.0\.113\.44|Diagnostic-Code/);
  });

  it('carries only what is ticked, and the note in the reader’s words', async () => {
    const { user, panel } = await openReport();
    await user.click(within(panel).getByRole('checkbox', { name: /The answer shown here/ }));
    await user.click(within(panel).getByRole('checkbox', { name: /The codes found/ }));
    await user.type(within(panel).getByRole('textbox', { name: /What is wrong\?/ }), 'The address exists');
    const { title, body } = reportOf(within(panel).getByRole('link', { name: /open the report/i }));
    expect(title).toBe('Wrong answer: diagnosis of a pasted bounce');
    expect(body).toBe('Page: the paste box (/)\nAnswer shown: diagnosis of a pasted bounce\n\nWhat is wrong:\nThe address exists');
    expect(within(panel).getByLabelText('Text of the report')).toHaveTextContent('The address exists');
  });

  it('adds the bounce redacted as a share link is, and says so', async () => {
    const { user, panel } = await openReport();
    await user.click(within(panel).getByRole('checkbox', { name: /The bounce text/ }));
    expect(await within(panel).findByText(/The bounce is added to the report/)).toBeInTheDocument();
    const { body } = reportOf(within(panel).getByRole('link', { name: /open the report/i }));
    expect(body).toContain('The bounce (addresses, IPs and host names removed):');
    expect(body).toContain('550 5.1.1');
    expect(body).toContain('(G8)');
    expect(body).not.toMatch(/jane\.doe|acme-corp|203\.0\.113\.44/);
    expect(within(panel).getByLabelText('Text of the report').textContent).toBe(body);
  });
});
