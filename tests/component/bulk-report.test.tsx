// The bulk report as a person reads it: totals, the "Bounces by cause" table with its total row and
// links to cause pages, a chart with a text alternative, the recipient table sorted by header buttons
// (aria-sort) and filtered by a text box, and the CSV built in the page as a Blob.
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkReport } from '../../src/components/bulk/BulkReport.tsx';
import { buildReport } from '../../src/lib/bulk/build-report.ts';
import type { BulkMessage, BulkRecipient } from '../../src/lib/bulk/summarize-message.ts';
import { renderApp } from './render-app.tsx';

function recipient(address: string, overrides: Partial<BulkRecipient> = {}): BulkRecipient {
  return { address, reason: 'userunknown', permanent: true, replyCode: '550', enhancedCode: '5.1.1', domain: address.split('@')[1] ?? null, provider: 'Google', ...overrides };
}

function bounce(source: string, recipients: BulkRecipient[], overrides: Partial<BulkMessage> = {}): BulkMessage {
  return {
    source,
    category: 'bounce',
    kind: 'bounce',
    reason: recipients[0]?.reason ?? 'userunknown',
    permanent: recipients[0]?.permanent ?? true,
    replyCode: recipients[0]?.replyCode ?? null,
    enhancedCode: recipients[0]?.enhancedCode ?? null,
    actors: ['sender'],
    date: '2025-03-04T10:00:00.000Z',
    recipients,
    ...overrides,
  };
}

const report = buildReport(
  [
    bounce('one.eml', [recipient('zoe@example.com')]),
    bounce('two.eml', [recipient('=evil@example.org', { provider: 'Microsoft' })], { date: '2025-03-06T10:00:00.000Z' }),
    bounce('three.eml', [recipient('amy@example.net', { reason: 'mailboxfull', permanent: false, replyCode: '452', enhancedCode: '4.2.2' })]),
    { ...bounce('away.eml', []), category: 'auto-reply', kind: 'vacation', reason: 'vacation', recipients: [] },
  ],
  [{ source: 'photo.jpg', problem: 'binary file: not a text email or bounce message' }],
);

async function renderReport() {
  const rootRoute = createRootRoute({ component: () => <BulkReport report={report} reasonPages={new Set(['userunknown'])} elapsed={1234} cancelled={false} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/bulk'] }) });
  await router.load();
  return render(<RouterProvider router={router} />);
}

afterEach(() => vi.restoreAllMocks());

describe('BulkReport', () => {
  it('shows the totals and a "Bounces by cause" table whose total row counts every bounce', async () => {
    await renderReport();
    expect(screen.getByText('Messages read').nextElementSibling).toHaveTextContent('4');
    expect(screen.getByText('Automatic replies').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Unreadable files').nextElementSibling).toHaveTextContent('1');
    const table = screen.getByRole('table', { name: 'Bounces by cause' });
    const total = within(table).getByRole('rowheader', { name: 'Total' }).closest('tr');
    expect(total).toHaveTextContent(/Total\s*3\s*100%/);
    const link = within(table).getByRole('link', { name: 'The address does not exist' });
    expect(link).toHaveAttribute('href', '/reasons/userunknown');
    expect(within(table).queryByRole('link', { name: 'The mailbox is full' })).toBeNull();
    expect(within(table).getByRole('rowheader', { name: 'The mailbox is full' }).closest('tr')).toHaveTextContent(/Temporary/);
  });

  it('gives the cause chart and the timeline a text alternative', async () => {
    await renderReport();
    const chart = screen.getByRole('figure', { name: 'Chart: bounces by cause' });
    expect(chart).toHaveTextContent('The address does not exist: 2 (67%)');
    expect(screen.getByRole('heading', { name: 'Bounces over time' })).toBeInTheDocument();
    expect(screen.getByText(/Bounces per day from 2025-03-04 to 2025-03-06/)).toBeInTheDocument();
  });

  it('sorts recipients with the header buttons and says how in aria-sort', async () => {
    const user = userEvent.setup();
    await renderReport();
    const table = screen.getByRole('table', { name: 'Failed recipients' });
    const header = within(table).getByRole('columnheader', { name: /Address/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    const firstCells = () => within(table).getAllByRole('row').slice(1).map((row) => row.querySelector('td')?.textContent);
    expect(firstCells()).toEqual(['=evil@example.org', 'amy@example.net', 'zoe@example.com']);
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells()).toEqual(['zoe@example.com', 'amy@example.net', '=evil@example.org']);
  });

  it('filters recipients with the text box', async () => {
    const user = userEvent.setup();
    await renderReport();
    await user.type(screen.getByRole('searchbox', { name: 'Filter recipients' }), 'mailbox');
    const table = screen.getByRole('table', { name: 'Failed recipients' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 3 failed recipients match')).toBeInTheDocument();
  });

  it('builds the CSV in the page, one row per failed recipient, formulas neutralised', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderReport();
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const csv = await blobs[0]?.text();
    const lines = csv?.trim().split('\r\n') ?? [];
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^'=evil@example\.org,/);
    await user.click(screen.getByRole('button', { name: 'Download addresses to remove (2)' }));
    expect(await blobs[1]?.text()).toBe('=evil@example.org\nzoe@example.com\n');
  });

  it('lists what was not a bounce and what could not be read', async () => {
    await renderReport();
    expect(screen.getByText('1 message is not a bounce')).toBeInTheDocument();
    expect(screen.getByText('photo.jpg: binary file: not a text email or bounce message')).toBeInTheDocument();
  });
});

describe('the /bulk page', () => {
  it('offers a file input and a folder input labelled for bounces', async () => {
    await renderApp('/bulk');
    expect(screen.getByRole('heading', { level: 1, name: 'Many bounces at once' })).toBeInTheDocument();
    expect(screen.getByLabelText('Choose bounce files')).toHaveAttribute('type', 'file');
    expect(screen.getByLabelText('Choose a folder of bounces')).toHaveAttribute('webkitdirectory');
    expect(screen.getByRole('link', { name: 'Bulk: many bounces at once' })).toHaveAttribute('href', '/bulk');
  });
});
