// Route glue for the home page: search first (its results on the first screen), then the paste box; the
// query is kept in ?q= so it can be shared.
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { PasteBox } from '../components/PasteBox.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { pageHead } from '../head.ts';

type HomeSearch = { q?: string };

export const Route = createFileRoute('/')({
  // The router reads ?q=550 as a number and ?q=true as a boolean, and keeps any key left out of the
  // result, so q is always turned back into text or set to undefined explicitly.
  validateSearch: (search: Record<string, unknown>): HomeSearch => {
    const raw = search.q;
    const q = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw).slice(0, 200) : '';
    return { q: q === '' ? undefined : q };
  },
  head: () =>
    pageHead(
      'Bouncedoc: why did my email bounce?',
      'Paste or search your bounce message: what it means, whether it fixes itself, who has to act and the exact steps.',
    ),
  component: Home,
});

function Home() {
  const { q = '' } = Route.useSearch();
  const navigate = useNavigate({ from: '/' });
  return (
    <>
      <h1 className="text-3xl font-bold">Why did my email bounce?</h1>
      <p className="mt-2 text-lg">
        Paste or search your bounce message to see what it means, whether it will fix itself, who has to act and exactly what to do.
      </p>
      <div id="search" className="mt-4 scroll-mt-3">
        <SearchBox query={q} onQueryChange={(next) => void navigate({ search: next ? { q: next } : {}, replace: true })} />
      </div>
      <div className="mt-8">
        <PasteBox />
      </div>
      <section aria-labelledby="basics" className="mt-10">
        <h2 id="basics" className="text-xl font-semibold">
          Reading a bounce in ten seconds
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>
            <strong>A code starting with 4</strong> (such as 421 or 4.4.1) is temporary: the sending server keeps retrying, and the
            message may still arrive.
          </li>
          <li>
            <strong>A code starting with 5</strong> (such as 550 or 5.1.1) is permanent: nothing is delivered until something
            changes, whether that is the address, the message or a setting.
          </li>
          <li>
            <strong>Who sent the bounce matters.</strong> If it names your own provider (for Rackspace, <code>emailsrvr.com</code>),
            your side refused the message; otherwise the recipient's side did.
          </li>
        </ul>
        <p className="mt-3">
          <Link to="/articles/$slug" params={{ slug: 'reading-a-bounce' }}>
            How to read a bounce message
          </Link>
        </p>
      </section>
    </>
  );
}
