// Loads the search index and fuse.js only when a search is first needed, then keeps them.
import { useEffect, useState } from 'react';
import type { Searcher } from '../lib/search/search.ts';

let pending: Promise<Searcher> | null = null;

export function loadSearcher(): Promise<Searcher> {
  pending ??= Promise.all([import('../lib/search/search.ts'), import('../catalogue.ts')]).then(async ([search, catalogue]) =>
    search.createSearcher(await catalogue.loadSearchDocuments()),
  );
  return pending;
}

export function useSearcher(wanted: boolean): Searcher | null {
  const [searcher, setSearcher] = useState<Searcher | null>(null);
  useEffect(() => {
    if (!wanted || searcher) return;
    let live = true;
    void loadSearcher().then((loaded) => {
      if (live) setSearcher(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [wanted, searcher]);
  return searcher;
}
