// Runs the diagnosis engine for the paste box. Everything it needs (the engine and the catalogue's
// diagnosis data) is fetched once when the page is idle, so diagnosing a paste makes no request at
// all; large pastes go to a Web Worker so typing stays smooth.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDiagnosisData, type DiagnosisData } from '../catalogue.ts';
import type * as EngineModule from '../lib/bounce/diagnose.ts';
import type { Diagnosis } from '../lib/bounce/types.ts';
import type { WorkerRequest, WorkerResponse } from '../workers/diagnose.worker.ts';

/** The largest paste that is diagnosed, in characters (about 10 MB of text). */
export const INPUT_LIMIT = 10 * 1024 * 1024;
/** Pastes longer than this (in characters) are diagnosed in a Web Worker. */
const WORKER_THRESHOLD = 64 * 1024;

export type DiagnosisState =
  | { status: 'idle' }
  | { status: 'working'; text: string }
  | { status: 'done'; text: string; diagnosis: Diagnosis }
  | { status: 'error'; text: string; message: string };

type Engine = typeof EngineModule;

let enginePromise: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (enginePromise ??= import('../lib/bounce/diagnose.ts'));
let dataPromise: Promise<DiagnosisData> | null = null;
const loadData = (): Promise<DiagnosisData> => (dataPromise ??= loadDiagnosisData());

let worker: Worker | null = null;
let workerRequests = 0;
const pending = new Map<number, { resolve: (d: Diagnosis) => void; reject: (e: Error) => void }>();

function diagnoseInWorker(text: string, data: DiagnosisData): Promise<Diagnosis> {
  if (!worker) {
    worker = new Worker(new URL('../workers/diagnose.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (response.type === 'result') waiting?.resolve(response.diagnosis);
      else waiting?.reject(new Error(response.message));
    });
    worker.postMessage({ type: 'catalogue', entries: data.match } satisfies WorkerRequest);
  }
  const id = ++workerRequests;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage({ type: 'diagnose', id, text } satisfies WorkerRequest);
  });
}

export function useDiagnosis() {
  const [state, setState] = useState<DiagnosisState>({ status: 'idle' });
  const [data, setData] = useState<DiagnosisData | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    const prefetch = (): void => {
      void Promise.all([loadData(), loadEngine()]).then(([loaded]) => {
        if (live) setData(loaded);
      });
    };
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(prefetch, { timeout: 2000 });
      return () => {
        live = false;
        window.cancelIdleCallback(handle);
      };
    }
    const handle = setTimeout(prefetch, 200);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, []);

  const diagnose = useCallback(async (text: string): Promise<void> => {
    const run = ++latest.current;
    if (text.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'working', text });
    try {
      const [engine, loaded] = await Promise.all([loadEngine(), loadData()]);
      setData(loaded);
      const diagnosis =
        text.length > WORKER_THRESHOLD && typeof Worker !== 'undefined'
          ? await diagnoseInWorker(text, loaded)
          : await engine.diagnoseBounce(text, loaded.match);
      if (run === latest.current) setState({ status: 'done', text, diagnosis });
    } catch (error) {
      if (run === latest.current) {
        setState({ status: 'error', text, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, data, diagnose, reset };
}
