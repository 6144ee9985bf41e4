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
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        {/* One row down to 320 px: the name hides below 400 px (the mark stays), the links tighten. */}
        <nav aria-label="Site" className="site-nav mx-auto flex max-w-4xl items-center gap-x-2.5 px-3 py-2.5 sm:gap-x-5 sm:px-4">
          <Link to="/" className="mr-auto flex shrink-0 items-center gap-2 text-lg font-extrabold tracking-tight text-slate-900 no-underline dark:text-slate-50">
            <BrandMark />
            <span className="max-[399px]:sr-only">Bouncedoc</span>
          </Link>
          <Link to="/codes">Codes</Link>
          <Link to="/providers">Providers</Link>
          <Link to="/reasons">Causes</Link>
          <Link to="/articles">Guides</Link>
          <Link to="/bulk" aria-label="Bulk: many bounces at once">
            <span className="max-sm:hidden">Many bounces</span>
            <span className="sm:hidden">Bulk</span>
          </Link>
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

/** The mark: an envelope with a return arrow, in the accent colour. */
function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7 shrink-0">
      <rect x="1" y="5" width="26" height="19" rx="3.5" className="fill-blue-700 dark:fill-blue-400" />
      <path d="M3.5 8l10.5 8 10.5-8" fill="none" strokeWidth="2.4" strokeLinejoin="round" className="stroke-white dark:stroke-slate-950" />
      <circle cx="24.5" cy="23.5" r="7" className="fill-amber-400 stroke-white dark:stroke-slate-950" strokeWidth="1.5" />
      <path d="M27.5 25.5v-1.5a2.5 2.5 0 0 0-2.5-2.5h-4m0 0l2-2m-2 2l2 2" fill="none" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="stroke-slate-950" />
    </svg>
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
