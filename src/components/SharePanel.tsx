// Share a diagnosis: a link that reopens it, with the bounce compressed into the URL fragment so no
// server ever receives it. By default the returned original message and attachments are dropped and
// every address, name, subject, IP and customer host is replaced (src/lib/share/redact.ts); after the
// link is made, the panel lists exactly what was removed and what stays, and shows the shared text.
// Redacting and compressing run in a Web Worker ("Preparing the link…" meanwhile), since a large paste
// takes seconds; without Web Workers (tests, very old browsers) they run on the page.
import { useEffect, useId, useRef, useState } from 'react';
import { prepareShare, type PreparedShare, type ShareRequest } from '../lib/share/prepare-share.ts';
import type { RedactionReport } from '../lib/share/redact.ts';
import { SHARE_LIMIT } from '../lib/share/share-link.ts';
import type { SharePrepareResponse } from '../workers/share-prepare.worker.ts';

type SharePanelProps = { text: string; publicHosts: readonly string[] };

type Shared = { link: string; text: string; report: RedactionReport | null };

/** Preparing a link that takes longer than this is stopped, with a message. */
const SHARE_DEADLINE_MS = 20_000;

/**
 * Runs prepareShare in a worker started for this one request and stopped after it (the script's URL is
 * fixed and it is fetched on a click on Share, never because of what was pasted). `signal` stops it early.
 */
function prepareInWorker(request: ShareRequest, signal: AbortSignal): Promise<PreparedShare> {
  // Without workers, wait one task so "Preparing the link…" is drawn before the page is busy.
  if (typeof Worker === 'undefined') return new Promise((resolve) => setTimeout(() => resolve(prepareShare(request)), 0));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/share-prepare.worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(new Error('cancelled'));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`preparing the link took longer than ${String(SHARE_DEADLINE_MS / 1000)} seconds`));
    }, SHARE_DEADLINE_MS);
    signal.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<SharePrepareResponse>) => {
      finish();
      if ('prepared' in event.data) resolve(event.data.prepared);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', () => {
      finish();
      reject(new Error('the link could not be prepared'));
    });
    worker.postMessage({ id: 1, ...request, publicHosts: [...request.publicHosts] });
  });
}

const plural = (count: number, one: string, many: string): string => `${String(count)} ${count === 1 ? one : many}`;
const kilobytes = (characters: number): string => `${String(Math.max(1, Math.round(characters / 1024)))} KB`;

/** "3 email addresses", "1 subject", ... for each kind of value that was replaced. */
function removedItems(report: RedactionReport): string[] {
  const items = [
    report.addresses > 0 && plural(report.addresses, 'email address', 'email addresses'),
    report.names > 0 && plural(report.names, 'name', 'names'),
    report.subjects > 0 && plural(report.subjects, 'subject line', 'subject lines'),
    report.messageIds > 0 && plural(report.messageIds, 'message ID', 'message IDs'),
    report.ips > 0 && plural(report.ips, 'IP address', 'IP addresses'),
    report.hosts > 0 && plural(report.hosts, 'domain or server name', 'domain or server names'),
    report.tenants > 0 && plural(report.tenants, 'customer name inside a provider’s server name', 'customer names inside provider server names'),
    report.ids > 0 && plural(report.ids, 'account or tenant ID', 'account or tenant IDs'),
    report.droppedMessages > 0 && `the copy of your original message (${kilobytes(report.droppedCharacters)} with attachments)`,
    report.droppedAttachments > 0 && plural(report.droppedAttachments, 'attachment', 'attachments'),
  ];
  return items.filter((item): item is string => typeof item === 'string');
}

export function SharePanel({ text, publicHosts }: SharePanelProps) {
  const id = useId();
  const [dropOriginal, setDropOriginal] = useState(true);
  const [unchanged, setUnchanged] = useState(false);
  const [shared, setShared] = useState<Shared | null>(null);
  const [status, setStatus] = useState('');

  const [preparing, setPreparing] = useState(false);
  const running = useRef<AbortController | null>(null);
  /** No preparation is running (read through a function: it changes while one is awaited). */
  const idle = (): boolean => running.current === null;
  // A new text (or leaving the page) stops a link still being prepared for the old one.
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
    },
    [text],
  );

  const share = async (): Promise<void> => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setShared(null);
    setPreparing(true);
    setStatus('Preparing the link…');
    let prepared: PreparedShare;
    try {
      prepared = await prepareInWorker({ text, publicHosts, dropOriginal, unchanged }, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        if (idle()) setStatus('');
        return;
      }
      setStatus(`The link could not be made: ${error instanceof Error ? error.message : String(error)}. Share only the part with the codes.`);
      return;
    } finally {
      if (running.current === controller) running.current = null;
      if (idle()) setPreparing(false);
    }
    if (!prepared.ok) {
      setStatus(
        `This bounce is too long for a link (${kilobytes(prepared.length)}; a link holds up to ${kilobytes(SHARE_LIMIT)}).${dropOriginal ? '' : ' Leave “Leave out the copy of my original message” on,'} or share only the part with the codes.`,
      );
      return;
    }
    const link = `${window.location.origin}/#${prepared.fragment}`;
    setShared({ link, text: prepared.text, report: prepared.report });
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('Select the link and copy it.');
    }
  };

  const reset = (): void => {
    running.current?.abort();
    running.current = null;
    setPreparing(false);
    setShared(null);
    setStatus('');
  };
  const removed = shared?.report ? removedItems(shared.report) : [];

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 rounded border border-slate-300 p-4 dark:border-slate-600">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Share a link to this result
      </h2>
      <p className="mt-1 text-sm">
        The link carries the bounce itself after the # sign, which browsers never send to any server. Anyone with the link can read what it carries.
      </p>
      <fieldset className="mt-2 space-y-1">
        <legend className="sr-only">What the link carries</legend>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={dropOriginal && !unchanged}
            disabled={unchanged}
            onChange={(event) => {
              setDropOriginal(event.target.checked);
              reset();
            }}
          />
          <span>Leave out the copy of my original message and any attachments</span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={unchanged}
            onChange={(event) => {
              setUnchanged(event.target.checked);
              reset();
            }}
          />
          <span>Share the text exactly as pasted, with every address and name in it</span>
        </label>
      </fieldset>
      {!unchanged && (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Email addresses, names, subject lines, message IDs, IP addresses and your domain and server names are replaced by placeholders such as
          user1@domain1.example.com, also inside encoded parts. The codes, the servers’ replies and the names of providers and blocklists stay, so the
          diagnosis is the same.
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void share()}
          aria-disabled={preparing}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 aria-disabled:cursor-progress aria-disabled:opacity-80"
        >
          Share
        </button>
        {preparing && (
          <span className="flex items-center gap-2 text-sm font-medium">
            <progress aria-label="Preparing the link" className="h-2 w-24 accent-blue-700" />
            Preparing the link…
          </span>
        )}
      </div>
      {shared && (
        <div className="mt-3">
          <label htmlFor={`${id}-link`} className="block font-medium">
            Share link
          </label>
          <input
            id={`${id}-link`}
            readOnly
            value={shared.link}
            onFocus={(event) => event.target.select()}
            className="mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm dark:bg-slate-900"
          />
          {shared.report ? (
            <div className="mt-2 text-sm">
              <h3 className="font-medium">Removed from the link</h3>
              {removed.length > 0 ? (
                <ul aria-label="Removed from the link" className="ml-5 list-disc">
                  {removed.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p>Nothing: this text holds no addresses, names or server names.</p>
              )}
              <h3 className="mt-2 font-medium">Still in the link</h3>
              <p>The codes, the servers’ replies, the bounce’s own subject line, and the names of mail providers and blocklists.</p>
            </div>
          ) : (
            <p className="mt-2 text-sm font-medium">Nothing was removed: the link carries the text exactly as pasted.</p>
          )}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-blue-700 underline dark:text-blue-300">See the text the link carries</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded border border-slate-300 bg-slate-50 p-2 whitespace-pre-wrap dark:border-slate-600 dark:bg-slate-900">
              {shared.text}
            </pre>
          </details>
        </div>
      )}
      <p role="status" className="mt-1 text-sm">
        {status}
      </p>
    </section>
  );
}
