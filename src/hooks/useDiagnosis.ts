// Runs the diagnosis engine for the paste box. The worker script, the engine and the catalogue's
// diagnosis data are all loaded with the page, before anything is pasted, so diagnosing makes no
// request at all and no request's timing hints at a paste. Every paste is read in the worker, with a
// time budget and a way to cancel, so no paste can block the page; without Web Workers (tests, very old
// browsers) the engine runs on the page instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDiagnosisData, loadReasonGuides, type DiagnosisData, type ReasonGuides } from '../catalogue.ts';
import type * as EngineModule from '../lib/bounce/diagnose.ts';
import type { Diagnosis } from '../lib/bounce/types.ts';
import type { WorkerRequest, WorkerResponse } from '../workers/diagnose.worker.ts';

/** The largest paste that is diagnosed, in characters (about 10 MB of text). */
export const INPUT_LIMIT = 10 * 1024 * 1024;
/** A paste still unread after this long is stopped, and the reader is told why. */
export const WORK_BUDGET_MS = 20_000;

/** The catalogue data and reason guides the paste box needs, loaded once. */
export type PasteData = DiagnosisData & { guides: ReasonGuides };

export type DiagnosisState =
  | { status: 'idle' }
  | { status: 'working'; text: string; since: number }
  /** `codeCount` counts every finding, including those not sent back with a very code-dense paste. */
  | { status: 'done'; text: string; diagnosis: Diagnosis; codeCount: number }
  | { status: 'error'; text: string; message: string };

type Engine = typeof EngineModule;

let enginePromise: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (enginePromise ??= import('../lib/bounce/diagnose.ts'));
let dataPromise: Promise<PasteData> | null = null;
const loadData = (): Promise<PasteData> =>
  (dataPromise ??= Promise.all([loadDiagnosisData(), loadReasonGuides()]).then(([data, guides]) => ({ ...data, guides })));

type Result = { diagnosis: Diagnosis; codeCount: number };
type Pending = { resolve: (result: Result) => void; reject: (error: Error) => void; since: number };
/** A read still running after this long is abandoned (by restarting the worker) when a newer text arrives. */
const ABANDON_AFTER_MS = 300;

/** One worker for the page; replaced (terminated and started again) when a paste is cancelled or overruns. */
class DiagnosisWorker {
  private worker: Worker | null = null;
  private requests = 0;
  private readonly pending = new Map<number, Pending>();
  private catalogueSent = false;

  start(): void {
    if (this.worker || typeof Worker === 'undefined') return;
    this.worker = new Worker(new URL('../workers/diagnose.worker.ts', import.meta.url), { type: 'module' });
    this.catalogueSent = false;
    this.worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (response.type === 'result') waiting?.resolve({ diagnosis: response.diagnosis, codeCount: response.codeCount });
      else waiting?.reject(new Error(response.message));
    });
  }

  get available(): boolean {
    return typeof Worker !== 'undefined';
  }

  diagnose(text: string, data: PasteData): Promise<Result> {
    // A worker busy with an older, heavy text would make this one wait behind it: start afresh instead.
    const now = Date.now();
    if ([...this.pending.values()].some((waiting) => now - waiting.since > ABANDON_AFTER_MS)) this.restart();
    this.start();
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('Web Workers are not available'));
    if (!this.catalogueSent) {
      worker.postMessage({ type: 'catalogue', entries: data.match } satisfies WorkerRequest);
      this.catalogueSent = true;
    }
    const id = ++this.requests;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, since: now });
      worker.postMessage({ type: 'diagnose', id, text } satisfies WorkerRequest);
    });
  }

  /** Stops whatever the worker is reading and starts a fresh one, ready for the next paste. */
  restart(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new CancelledError());
    this.pending.clear();
    this.start();
  }
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const diagnosisWorker = new DiagnosisWorker();

export function useDiagnosis() {
  const [state, setState] = useState<DiagnosisState>({ status: 'idle' });
  const [data, setData] = useState<PasteData | null>(null);
  const latest = useRef(0);

  // Everything the paste box needs is fetched with the page, not at the first paste.
  useEffect(() => {
    let live = true;
    diagnosisWorker.start();
    void Promise.all([loadData(), loadEngine()]).then(([loaded]) => {
      if (live) setData(loaded);
    });
    return () => {
      live = false;
    };
  }, []);

  const diagnose = useCallback(async (text: string): Promise<void> => {
    const run = ++latest.current;
    if (text.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'working', text, since: Date.now() });
    const budgetUsed = { overran: false };
    const budget = setTimeout(() => {
      budgetUsed.overran = true;
      diagnosisWorker.restart();
    }, WORK_BUDGET_MS);
    try {
      const [engine, loaded] = await Promise.all([loadEngine(), loadData()]);
      setData(loaded);
      const result = diagnosisWorker.available
        ? await diagnosisWorker.diagnose(text, loaded)
        : await engine.diagnoseBounce(text, loaded.match).then((diagnosis) => ({ diagnosis, codeCount: diagnosis.codes.length }));
      if (run === latest.current) setState({ status: 'done', text, ...result });
    } catch (error) {
      if (run !== latest.current) return;
      if (budgetUsed.overran) {
        setState({
          status: 'error',
          text,
          message: `reading it took longer than ${String(WORK_BUDGET_MS / 1000)} seconds, so it was stopped. Paste only the bounce itself (the part with the codes), not the whole mailbox or its attachments`,
        });
      } else if (!(error instanceof CancelledError)) {
        setState({ status: 'error', text, message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      clearTimeout(budget);
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  /** Stops reading the current paste; the text stays where it is. */
  const cancel = useCallback(() => {
    latest.current++;
    diagnosisWorker.restart();
    setState({ status: 'idle' });
  }, []);

  return { state, data, diagnose, reset, cancel };
}
