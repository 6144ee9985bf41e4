// Drives the bulk reader worker from the page: starts it as soon as the page opens (so the engine and
// the catalogue's diagnosis data are loaded before any file is chosen and reading makes no request),
// gathers the batches it posts without re-rendering per message, and builds the report at the end.
import { useCallback, useEffect, useRef, useState } from 'react';
import { buildReport, type BulkReport } from '../../lib/bulk/build-report.ts';
import type { BulkMessage, SkippedItem } from '../../lib/bulk/summarize-message.ts';
import type { BulkInput, BulkProgress, BulkRequest, BulkResponse } from '../../workers/bulk-reader.worker.ts';

export type ReaderStatus = 'idle' | 'reading' | 'done' | 'cancelled' | 'error';

export type ReaderState = {
  status: ReaderStatus;
  progress: BulkProgress | null;
  /** Bounces among the messages read so far. */
  bounces: number;
  report: BulkReport | null;
  error: string | null;
  /** Milliseconds from the start of reading to the report. */
  elapsed: number | null;
};

const INITIAL: ReaderState = { status: 'idle', progress: null, bounces: 0, report: null, error: null, elapsed: null };

export function useBulkReader() {
  const [state, setState] = useState<ReaderState>(INITIAL);
  const worker = useRef<Worker | null>(null);
  const messages = useRef<BulkMessage[]>([]);
  const skipped = useRef<SkippedItem[]>([]);
  const startedAt = useRef(0);

  const handle = useCallback((event: MessageEvent<BulkResponse>) => {
    const response = event.data;
    if (response.type === 'load-error') {
      setState((previous) => ({ ...previous, status: 'error', error: `The diagnosis data could not be loaded (${response.message}). Reload the page to try again.` }));
    } else if (response.type === 'batch') {
      for (const message of response.messages) messages.current.push(message);
      for (const item of response.skipped) skipped.current.push(item);
      const bounces = response.messages.reduce((sum, message) => sum + (message.category === 'bounce' ? 1 : 0), 0);
      setState((previous) => (previous.status === 'reading' ? { ...previous, progress: response.progress, bounces: previous.bounces + bounces } : previous));
    } else if (response.type === 'done') {
      const report = buildReport(messages.current, skipped.current);
      setState((previous) => ({
        ...previous,
        status: response.cancelled ? 'cancelled' : 'done',
        progress: response.progress,
        report,
        elapsed: performance.now() - startedAt.current,
      }));
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
    messages.current = [];
    skipped.current = [];
    startedAt.current = performance.now();
    const bytesTotal = inputs.reduce((sum, input) => sum + input.file.size, 0);
    setState({ ...INITIAL, status: 'reading', progress: { messages: 0, bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: inputs.length } });
    worker.current.postMessage({ type: 'read', inputs } satisfies BulkRequest);
  }, []);

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel' } satisfies BulkRequest);
  }, []);

  return { state, read, cancel };
}
