// Opens the bounce carried by a share link (the URL fragment, see src/lib/share/share-link.ts) when
// the page loads and when another link is opened in this tab. Fragments over LARGE_FRAGMENT characters
// are decoded in a worker, with a deadline: a link that takes longer is refused with a message and the
// worker is stopped, so no link can hang the tab. While a shared bounce is shown, the page title names
// its diagnosis.
import { useEffect, useRef, useState } from 'react';
import type { Diagnosis } from '../lib/bounce/types.ts';
import { decodeShareFragment, isShareFragment, SHARE_ERRORS, type SharedBounce } from '../lib/share/share-link.ts';
import { titleForDiagnosis } from '../lib/share/share-title.ts';
import type { ShareWorkerResponse } from '../workers/share-link.worker.ts';

const LARGE_FRAGMENT = 20_000;
const DEADLINE_MS = 2_500;

function decodeInWorker(fragment: string): Promise<SharedBounce | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(decodeShareFragment(fragment));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/share-link.worker.ts', import.meta.url), { type: 'module' });
    const stop = (result: SharedBounce | null): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => stop({ ok: false, error: SHARE_ERRORS.tooLarge }), DEADLINE_MS);
    worker.addEventListener('message', (event: MessageEvent<ShareWorkerResponse>) => stop(event.data));
    worker.addEventListener('error', () => stop({ ok: false, error: SHARE_ERRORS.damaged }));
    worker.postMessage(fragment);
  });
}

type ShareLinkHandlers = {
  /** A share link's bounce, ready to show. */
  onShared: (text: string) => void;
  /** A share link that cannot be opened, with the message to show. */
  onError: (message: string) => void;
  /** The page opened without a share link. */
  onNoLink: () => void;
};

/** Reads share links as they arrive; returns the text the last opened link carried (null if none). */
export function useShareLink({ onShared, onError, onNoLink }: ShareLinkHandlers): string | null {
  const [sharedText, setSharedText] = useState<string | null>(null);
  const handlers = useRef({ onShared, onError, onNoLink });
  useEffect(() => {
    handlers.current = { onShared, onError, onNoLink };
  });

  useEffect(() => {
    let current = 0;
    const load = async (arriving: boolean): Promise<void> => {
      const fragment = window.location.hash;
      const attempt = (current += 1);
      if (!isShareFragment(fragment)) {
        if (arriving) handlers.current.onNoLink();
        return;
      }
      const shared = fragment.length > LARGE_FRAGMENT ? await decodeInWorker(fragment) : decodeShareFragment(fragment);
      if (attempt !== current || !shared) return;
      setSharedText(shared.ok ? shared.text : null);
      if (shared.ok) handlers.current.onShared(shared.text);
      else handlers.current.onError(shared.error);
    };
    const onHashChange = (): void => void load(false);
    const frame = requestAnimationFrame(() => void load(true));
    window.addEventListener('hashchange', onHashChange);
    return () => {
      current += 1;
      cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);

  return sharedText;
}

/** Names the shared diagnosis in the page title while it is on show. */
export function useShareTitle(diagnosis: Diagnosis | null, active: boolean): void {
  useEffect(() => {
    if (!active || !diagnosis) return;
    const previous = document.title;
    document.title = titleForDiagnosis(diagnosis);
    return () => {
      document.title = previous;
    };
  }, [diagnosis, active]);
}
