// The home page search as a person uses it: type in the box named "Search", see results that link to the
// pages that answer it and say what matched, move with the arrow keys, and share the search through ?q=.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app.tsx';

describe('SearchBox on the home page', () => {
  it('opens with the results of the query in the URL', async () => {
    await renderApp('/?q=g17');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const first = within(results).getAllByRole('link')[0];
    expect(first).toHaveTextContent('Message too large (G17)');
    expect(first).toHaveAttribute('href', '/bounces/rackspace/g17-message-too-large');
    expect(within(results).getAllByText('G17', { selector: 'mark' })[0]).toBeInTheDocument();
  });

  it('keeps the query in the URL as the person types, and finds through a typo', async () => {
    const user = userEvent.setup();
    const { router } = await renderApp('/');
    await user.type(screen.getByRole('searchbox', { name: /search/i }), 'relay acess denied');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('link')[0]?.textContent).toMatch(/relay access denied/i);
    expect(router.state.location.search).toEqual({ q: 'relay acess denied' });
  });

  it('moves from the box into the results with the arrow keys and back', async () => {
    const user = userEvent.setup();
    await renderApp('/?q=spamhaus');
    const results = await screen.findByRole('list', { name: 'Search results' });
    const links = within(results).getAllByRole('link');
    const box = screen.getByRole('searchbox', { name: /search/i });
    box.focus();
    await user.keyboard('{ArrowDown}');
    expect(links[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(box).toHaveFocus();
  });

  it('says so when nothing matches', async () => {
    await renderApp('/?q=zzzzqqqq');
    expect(await screen.findByText(/Nothing matches/)).toBeInTheDocument();
  });
});
