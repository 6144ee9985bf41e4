// Offline use and updates, below every page: registers the offline worker (src/service-worker.ts),
// offers "Make available offline" with the size, shows its progress, and says when a new version is
// available with a button to reload into it. Rendered into its own root after the page has loaded, so
// prerendered pages hydrate unchanged; renders nothing where service workers are unavailable.
import { useEffect, useRef, useState } from 'react';

type OfflineState =
  | { phase: 'unknown' }
  | { phase: 'ready'; count: number; bytes: number }
  | { phase: 'storing'; done: number; total: number; bytes: number; totalBytes: number }
  | { phase: 'stored'; count: number; bytes: number; failed: number }
  | { phase: 'failed'; reason: 'new-version' | 'unreachable'; count: number; bytes: number };

type WorkerMessage =
  | { type: 'offline-status'; stored: boolean; storing: boolean; count: number; bytes: number }
  | { type: 'offline-progress'; done: number; total: number; bytes: number; totalBytes: number }
  | { type: 'offline-done'; count: number; failed: number; bytes: number }
  | { type: 'offline-failed'; reason: 'new-version' | 'unreachable' }
  | { type: 'version-mismatch' };

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Tells the worker which page was open, and what it loaded, before the worker controlled it. */
function rememberThisPage(worker: ServiceWorker | null): void {
  if (!worker) return;
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  worker.postMessage({ type: 'remember', urls: [window.location.pathname, ...loaded] });
}

export function SiteUpdates() {
  const [supported, setSupported] = useState(false);
  const [update, setUpdate] = useState<'none' | 'available'>('none');
  const [offline, setOffline] = useState<OfflineState>({ phase: 'unknown' });
  const registration = useRef<ServiceWorkerRegistration | null>(null);
  const reloading = useRef(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    let size = { count: 0, bytes: 0 };

    const onMessage = (event: MessageEvent<WorkerMessage>): void => {
      const message = event.data;
      switch (message.type) {
        case 'offline-status':
          size = { count: message.count, bytes: message.bytes };
          setOffline((current) => {
            if (current.phase === 'storing') return current;
            if (message.storing) return { phase: 'storing', done: 0, total: message.count, bytes: 0, totalBytes: message.bytes };
            return message.stored ? { phase: 'stored', count: message.count, bytes: message.bytes, failed: 0 } : { phase: 'ready', ...size };
          });
          return;
        case 'offline-progress':
          setOffline({ phase: 'storing', done: message.done, total: message.total, bytes: message.bytes, totalBytes: message.totalBytes });
          return;
        case 'offline-done':
          setOffline({ phase: 'stored', count: message.count, bytes: message.bytes, failed: message.failed });
          return;
        case 'offline-failed':
          setOffline({ phase: 'failed', reason: message.reason, ...size });
          if (message.reason === 'new-version') void registration.current?.update();
          return;
        case 'version-mismatch':
          setUpdate('available');
          void registration.current?.update();
          return;
      }
    };

    const watch = (worker: ServiceWorker | null): void => {
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && container.controller) setUpdate('available');
      });
    };

    const onControllerChange = (): void => {
      if (reloading.current) {
        window.location.reload();
        return;
      }
      rememberThisPage(container.controller);
      container.controller?.postMessage({ type: 'offline-status' });
    };

    const checkForUpdate = (): void => {
      if (document.visibilityState === 'visible') void registration.current?.update().catch(() => undefined);
    };

    container.addEventListener('message', onMessage);
    container.addEventListener('controllerchange', onControllerChange);
    document.addEventListener('visibilitychange', checkForUpdate);
    const timer = setInterval(checkForUpdate, 30 * 60 * 1000);

    void (async () => {
      try {
        const found = await container.register('/sw.js', { scope: '/' });
        registration.current = found;
        setSupported(true);
        if (found.waiting && container.controller) setUpdate('available');
        watch(found.installing);
        found.addEventListener('updatefound', () => watch(found.installing));
        const ready = await container.ready;
        (container.controller ?? ready.active)?.postMessage({ type: 'offline-status' });
        rememberThisPage(container.controller);
      } catch (error) {
        console.warn('Offline support is unavailable:', error);
      }
    })();

    return () => {
      container.removeEventListener('message', onMessage);
      container.removeEventListener('controllerchange', onControllerChange);
      document.removeEventListener('visibilitychange', checkForUpdate);
      clearInterval(timer);
    };
  }, []);

  const reload = (): void => {
    const waiting = registration.current?.waiting;
    if (waiting) {
      reloading.current = true;
      waiting.postMessage({ type: 'skip-waiting' });
    } else {
      window.location.reload();
    }
  };

  const storeSite = (): void => {
    const worker = navigator.serviceWorker.controller ?? registration.current?.active;
    if (!worker) return;
    if (offline.phase === 'ready' || offline.phase === 'failed') setOffline({ phase: 'storing', done: 0, total: offline.count, bytes: 0, totalBytes: offline.bytes });
    worker.postMessage({ type: 'store-site' });
  };

  if (!supported) return null;
  return (
    <aside aria-label="Offline use and updates" className="mx-auto max-w-4xl px-4 pb-6 text-sm text-slate-700 dark:text-slate-300">
      <div
        role="status"
        aria-live="polite"
        className={update === 'available' ? 'fixed inset-x-0 bottom-0 z-50 border-t-2 border-blue-700 bg-white px-4 py-3 shadow-lg dark:bg-slate-900' : ''}
      >
        {update === 'available' && (
          <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-3">
            <span className="font-medium text-slate-900 dark:text-slate-50">A new version is available.</span>
            <button type="button" onClick={reload} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
              Reload
            </button>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {(offline.phase === 'ready' || offline.phase === 'failed') && (
          <>
            <button type="button" onClick={storeSite} className="rounded border border-slate-500 px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 dark:text-slate-50 dark:hover:bg-slate-800">
              Make available offline ({megabytes(offline.bytes)})
            </button>
            <span>Pages you open and the paste box already work offline; this saves every page on this device.</span>
          </>
        )}
        <p role="status" className={offline.phase === 'ready' ? 'sr-only' : ''}>
          {offline.phase === 'storing' &&
            `Saving for offline use: ${String(offline.done)} of ${String(offline.total)} files (${megabytes(offline.bytes)} of ${megabytes(offline.totalBytes)}).`}
          {offline.phase === 'stored' &&
            (offline.failed > 0
              ? `Available offline (${megabytes(offline.bytes)}), except ${String(offline.failed)} file${offline.failed === 1 ? '' : 's'} that could not be saved.`
              : `Available offline: every page is saved on this device (${megabytes(offline.bytes)}).`)}
          {offline.phase === 'failed' &&
            (offline.reason === 'new-version' ? 'A new version of the site was published while saving. Reload, then try again.' : 'Could not reach the site to save it. Try again when you are online.')}
        </p>
        {offline.phase === 'storing' && (
          <progress aria-label="Saving for offline use" max={offline.totalBytes || 1} value={offline.bytes} className="h-2 w-48" />
        )}
      </div>
    </aside>
  );
}
