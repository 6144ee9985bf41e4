// The site frame: skip link, header navigation, main landmark, footer, and the 404 page.
import { createRootRoute, HeadContent, Link, Outlet } from '@tanstack/react-router';
import { pageHead } from '../head.ts';

export const Route = createRootRoute({
  head: () => pageHead('Bouncedoc', 'Find out why your email bounced and what to do about it.'),
  component: RootLayout,
  notFoundComponent: NotFound,
});

function RootLayout() {
  return (
    <>
      <HeadContent />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:bg-white focus:p-2 dark:focus:bg-slate-950">
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Site" className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3">
          <Link to="/" className="mr-auto text-lg font-bold no-underline">
            Bouncedoc
          </Link>
          <Link to="/codes">Codes</Link>
          <Link to="/providers">Providers</Link>
          <Link to="/reasons">Causes</Link>
          <Link to="/articles">Guides</Link>
          <Link to="/bulk">Many bounces</Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6">
        <Outlet />
      </main>
      <footer className="mx-auto max-w-4xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300">
        Bouncedoc runs entirely in your browser: nothing you paste is sent anywhere.
      </footer>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <title>Page not found | Bouncedoc</title>
      <meta name="description" content="This page does not exist. Search the bounce catalogue instead." />
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3">
        There is no page at this address. It may have been mistyped, or the code or entry may not be in the catalogue.
      </p>
      <p className="mt-3">
        <Link to="/">Search the catalogue</Link> or <Link to="/codes">browse all codes</Link>.
      </p>
    </>
  );
}
