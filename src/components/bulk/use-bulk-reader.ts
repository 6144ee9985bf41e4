// Drives the bulk reader worker from the page: starts it as soon as the page opens (so the engine and
// the catalogue's diagnosis data are loaded before any file is chosen and reading makes no request),
// shows the progress it posts a few times a second, and renders the report it builds at the end as a
// transition, so React renders it in slices rather than in one long task.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { BulkReport, FailedRecipient } from '../../lib/bulk/build-report.ts';
import type { BulkInput, BulkProgress, BulkRequest, BulkResponse } from '../../workers/bulk-reader.worker.ts';

export type ReaderStatus = 'idle' | 'reading' | 'done' | 'cancelled' | 'error';

export type ReaderState = {
  status: ReaderStatus;
  progress: BulkProgress | null;
  report: BulkReport | null;
  error: string | null;
  /** Milliseconds from the start of reading to the report. */
  elapsed: number | null;
};

const INITIAL: ReaderState = { status: 'idle', progress: null, report: null, error: null, elapsed: null };

export function useBulkReader() {
  const [state, setState] = useState<ReaderState>(INITIAL);
  const worker = useRef<Worker | null>(null);
  const startedAt = useRef(0);
  const recipients = useRef<FailedRecipient[]>([]);

  const handle = useCallback((event: MessageEvent<BulkResponse>) => {
    const response = event.data;
    if (response.type === 'load-error') {
      setState((previous) => ({ ...previous, status: 'error', error: `The diagnosis data could not be loaded (${response.message}). Reload the page to try again.` }));
    } else if (response.type === 'progress') {
      setState((previous) => (previous.status === 'reading' ? { ...previous, progress: response.progress } : previous));
    } else if (response.type === 'recipients') {
      for (const row of response.rows) recipients.current.push(row);
    } else if (response.type === 'done') {
      const elapsed = performance.now() - startedAt.current;
      const report = { ...response.report, recipients: recipients.current };
      recipients.current = [];
      startTransition(() => {
        setState((previous) => ({ ...previous, status: response.cancelled ? 'cancelled' : 'done', progress: response.progress, report, elapsed }));
      });
    }
  }, []);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const created = new Worker(new URL('../../workers/bulk-reader.worker.ts', import.meta.url), { type: 'module', name: 'bulk-reader' });
    created.addEventListener('message', handle);
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, [handle]);

  const read = useCallback((inputs: BulkInput[]) => {
    if (!worker.current) {
      setState({ ...INITIAL, status: 'error', error: 'This browser cannot run the reader (no Web Worker support).' });
      return;
    }
    if (inputs.length === 0) return;
    // Read in path order (code point order, as a file listing sorts), whatever order the browser gave.
    inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    startedAt.current = performance.now();
    recipients.current = [];
    const bytesTotal = inputs.reduce((sum, input) => sum + input.file.size, 0);
    setState({ ...INITIAL, status: 'reading', progress: { messages: 0, bounces: 0, bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: inputs.length } });
    worker.current.postMessage({ type: 'read', inputs } satisfies BulkRequest);
  }, []);

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel' } satisfies BulkRequest);
  }, []);

  return { state, read, cancel };
}
