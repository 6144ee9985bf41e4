// Search the catalogue. The query lives in the URL (?q=) so a search can be shared; results are links
// to entry pages showing what matched. Keyboard: type, ArrowDown into the results, arrows between them, Enter.
import { Link } from '@tanstack/react-router';
import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useSearcher } from '../hooks/useSearcher.ts';
import { Highlight } from './Highlight.tsx';
import { splitId } from './EntryList.tsx';

type SearchBoxProps = { query: string; onQueryChange: (query: string) => void };

export function SearchBox({ query, onQueryChange }: SearchBoxProps) {
  const inputId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const searcher = useSearcher(query.trim().length > 0);
  const hits = useMemo(() => (searcher ? searcher(query, 10) : []), [searcher, query]);
  const trimmed = query.trim();

  const focusResult = (index: number): void => {
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]');
    if (!links?.length) return;
    links[Math.max(0, Math.min(index, links.length - 1))]?.focus();
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(0);
    } else if (event.key === 'Escape') {
      onQueryChange('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? [])];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(current + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (current <= 0) document.getElementById(inputId)?.focus();
      else focusResult(current - 1);
    }
  };

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="text-xl font-semibold">
        Search the catalogue
      </h2>
      <form role="search" className="mt-2" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId} className="block font-medium">
          Search by code, tag or words of the bounce
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder="550 5.7.1, G17, relay access denied…"
          aria-describedby={`${inputId}-status`}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onInputKey}
          className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2 text-base dark:bg-slate-900"
        />
      </form>
      <p id={`${inputId}-status`} role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {trimmed.length === 0
          ? 'Type a code (550, 5.7.1), a tag (G17, TSS04) or words from your bounce.'
          : !searcher
            ? 'Loading the catalogue…'
            : hits.length === 0
              ? `No entries match “${trimmed}”. Try fewer words, or just the code.`
              : `${hits.length} ${hits.length === 1 ? 'entry matches' : 'entries match'}. Use the down arrow to move through them.`}
      </p>
      {hits.length > 0 && (
        <ul ref={listRef} aria-label="Search results" className="mt-2 divide-y divide-slate-200 dark:divide-slate-800" onKeyDown={onListKey}>
          {hits.map((hit) => (
            <li key={hit.doc.id} className="py-2">
              <Link data-result="" to="/bounces/$provider/$slug" params={splitId(hit.doc.id)} className="font-medium">
                {hit.doc.title}
              </Link>
              <span className="ml-2 text-sm text-slate-700 dark:text-slate-300">{hit.doc.provider}</span>
              {hit.matched && (
                <p className="mt-1 text-sm break-words text-slate-800 dark:text-slate-200">
                  <span className="font-medium">Matched {hit.matched.field}: </span>
                  <Highlight text={hit.matched.text} ranges={hit.matched.ranges} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
