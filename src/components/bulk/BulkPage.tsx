// The /bulk page: choose or drop many bounces (files, a folder, an mbox, a zip), watch them being read
// with a progress bar and a cancel button, then read the report. The files are read by a Web Worker
// in this browser; nothing is uploaded.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { BulkReport } from './BulkReport.tsx';
import { inputsFromDrop, inputsFromFileList } from './collect-files.ts';
import { formatCount, formatShare } from './format.ts';
import { useBulkReader } from './use-bulk-reader.ts';

const CHOOSER = 'cursor-pointer rounded px-4 py-2 font-medium focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-amber-700 dark:focus-within:outline-amber-400';

export function BulkPage({ reasonPages }: { reasonPages: ReadonlySet<string> }) {
  const { state, read, cancel } = useBulkReader();
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const reportHeading = useRef<HTMLDivElement>(null);
  const reading = state.status === 'reading';

  useEffect(() => {
    if (state.status === 'done' || state.status === 'cancelled') reportHeading.current?.querySelector<HTMLElement>('#bulk-report')?.focus();
  }, [state.status]);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    if (reading) return;
    setDropError(null);
    inputsFromDrop(event.dataTransfer).then(
      (inputs) => (inputs.length === 0 ? setDropError('Nothing to read was dropped: drop files or folders.') : read(inputs)),
      (error: unknown) => setDropError(`The dropped folder could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  const progress = state.progress;
  const done = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;

  return (
    <>
      <h1 className="text-2xl font-bold">Many bounces at once</h1>
      <p className="mt-2 max-w-prose">
        Drop a folder of bounce messages, an mbox mailbox or a zip of them and get one report: which causes, which domains, which addresses to remove. Everything is
        read here, in your browser: no file is uploaded.
      </p>

      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="bulk-drop-zone"
        className={`mt-4 rounded-lg border-2 border-dashed text-center ${state.status === 'idle' ? 'p-6' : 'p-3'} ${dragging ? 'border-blue-700 bg-blue-50 dark:border-blue-300 dark:bg-blue-950' : 'border-slate-400 dark:border-slate-600'}`}
      >
        <p className="font-medium">Drop bounce files, folders, an .mbox or a .zip here</p>
        {state.status === 'idle' && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">.eml and .txt messages, mbox mailboxes and zip archives of them; any number.</p>}
        <div className={`flex flex-wrap justify-center gap-2 ${state.status === 'idle' ? 'mt-4' : 'mt-2'}`}>
          <label className={`${CHOOSER} bg-blue-700 text-white hover:bg-blue-800 ${reading ? 'cursor-not-allowed opacity-60' : ''}`}>
            Choose bounce files
            <input
              type="file"
              multiple
              className="sr-only"
              disabled={reading}
              onChange={(event) => {
                if (event.target.files) read(inputsFromFileList(event.target.files));
                event.target.value = '';
              }}
            />
          </label>
          <label className={`${CHOOSER} border border-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800 ${reading ? 'cursor-not-allowed opacity-60' : ''}`}>
            Choose a folder of bounces
            <input
              type="file"
              multiple
              className="sr-only"
              disabled={reading}
              ref={(element) => element?.setAttribute('webkitdirectory', '')}
              onChange={(event) => {
                if (event.target.files) read(inputsFromFileList(event.target.files));
                event.target.value = '';
              }}
            />
          </label>
        </div>
      </div>
      {dropError && (
        <p role="alert" className="mt-3 rounded border border-amber-700 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {dropError}
        </p>
      )}
      {state.error && (
        <p role="alert" className="mt-3 rounded border border-amber-700 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {state.error}
        </p>
      )}

      {progress && state.status !== 'done' && (
        <div className="mt-6 rounded border border-slate-300 p-3 sm:p-4 dark:border-slate-700">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium" role="status">
              {reading ? 'Reading…' : 'Cancelled.'} {formatCount(progress.messages)} messages read, {formatCount(progress.bounces)} bounces
            </p>
            {reading && (
              <button type="button" onClick={cancel} className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
                Cancel
              </button>
            )}
          </div>
          <div
            role="progressbar"
            aria-label="Share of the files read"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(done * 100)}
            aria-valuetext={`${formatShare(done)}, ${formatCount(progress.messages)} messages`}
            className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full rounded-full bg-blue-700 transition-[width] dark:bg-blue-400" style={{ width: `${String(done * 100)}%` }} />
          </div>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {formatShare(done)} of the data · file {formatCount(Math.min(progress.filesDone + (reading ? 1 : 0), progress.filesTotal))} of {formatCount(progress.filesTotal)}
          </p>
        </div>
      )}

      <div ref={reportHeading}>{state.report && <BulkReport report={state.report} reasonPages={reasonPages} elapsed={state.elapsed} cancelled={state.status === 'cancelled'} />}</div>
    </>
  );
}
