// "This answer is wrong" under a diagnosis: a prefilled new issue on the project's tracker (the address is
// set at build time) carrying only what the reader ticks: the answer shown, the codes found and, redacted
// as share links are, the bounce itself. The report's text is shown before anything leaves the page, and
// nothing does until the reader follows the link. Redacting runs in a Web Worker, started only when the
// reader asks for the bounce to be included (a large paste takes seconds); without workers it runs here.
import { useEffect, useId, useRef, useState } from 'react';
import type { Diagnosis } from '../lib/bounce/types.ts';
import { redactForReport, type ReportBounceRequest } from '../lib/feedback/report-bounce.ts';
import { describeAnswer, listFoundCodes, PASTE_REPORT_TITLE } from '../lib/feedback/report-diagnosis.ts';
import { buildReportBody, buildReportUrl } from '../lib/feedback/report-url.ts';
import type { Reading } from '../lib/verdict/read-verdicts.ts';
import type { ReportRedactResponse } from '../workers/report-redact.worker.ts';

type ReportWrongAnswerProps = {
  text: string;
  diagnosis: Diagnosis;
  reading: Reading;
  publicHosts: readonly string[];
  /** The tracker's new-issue address, set at build time. */
  reportBase: string;
};

/** Redacting that takes longer than this is stopped, with a message. */
const REDACT_DEADLINE_MS = 20_000;

function redactInWorker(request: ReportBounceRequest, signal: AbortSignal): Promise<string> {
  // Without workers, wait one task so "Removing addresses…" is drawn before the page is busy.
  if (typeof Worker === 'undefined') return new Promise((resolve) => setTimeout(() => resolve(redactForReport(request)), 0));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/report-redact.worker.ts', import.meta.url), { type: 'module' });
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
      reject(new Error(`it took longer than ${String(REDACT_DEADLINE_MS / 1000)} seconds`));
    }, REDACT_DEADLINE_MS);
    signal.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<ReportRedactResponse>) => {
      finish();
      if ('text' in event.data) resolve(event.data.text);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', () => {
      finish();
      reject(new Error('the redaction failed'));
    });
    worker.postMessage({ ...request, publicHosts: [...request.publicHosts] });
  });
}

/** "github.com" for the tracker's address, so the reader knows where the report goes. */
function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

export function ReportWrongAnswer({ text, diagnosis, reading, publicHosts, reportBase }: ReportWrongAnswerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [withAnswer, setWithAnswer] = useState(true);
  const [withCodes, setWithCodes] = useState(true);
  const [withBounce, setWithBounce] = useState(false);
  const [note, setNote] = useState('');
  const [redacted, setRedacted] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | null>(null);
  // Leaving the page, or a new paste (the parent keys this panel by its text), stops a redaction under way.
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
    },
    [],
  );

  const answer = describeAnswer(reading, diagnosis);
  const codes = listFoundCodes(diagnosis);
  const main = reading.verdicts[0];
  const report = {
    pageUrl: 'the paste box (/)',
    pageTitle: withAnswer && main ? main.headline : PASTE_REPORT_TITLE,
    note,
    ...(withAnswer ? { diagnosis: answer } : {}),
    ...(withCodes && codes.length > 0 ? { codes } : {}),
    ...(withBounce && redacted !== null ? { redactedBounce: redacted } : {}),
  };
  const body = buildReportBody(report);
  const url = buildReportUrl(reportBase, report);

  const includeBounce = async (checked: boolean): Promise<void> => {
    setWithBounce(checked);
    if (!checked) {
      running.current?.abort();
      running.current = null;
      setBusy(false);
      setStatus('');
      return;
    }
    if (redacted !== null || running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setStatus('Removing addresses, names and IP addresses from the bounce…');
    try {
      const result = await redactInWorker({ text, publicHosts, focus: diagnosis.enhancedCode ?? diagnosis.replyCode }, controller.signal);
      setRedacted(result);
      setStatus('The bounce is added to the report, with addresses, names and IP addresses removed.');
    } catch (error) {
      if (controller.signal.aborted) return;
      setWithBounce(false);
      setStatus(`The bounce could not be added: ${error instanceof Error ? error.message : String(error)}. The report can still be sent without it.`);
    } finally {
      if (running.current === controller) {
        running.current = null;
        setBusy(false);
      }
    }
  };

  const checkbox = 'mt-1 size-4 shrink-0 accent-blue-700';
  return (
    <div className="mt-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((value) => !value)}
        className="text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
      >
        This answer is wrong
        <span aria-hidden="true" className="ml-1 inline-block no-underline">
          {open ? '▴' : '▾'}
        </span>
      </button>
      {open && (
        <section id={`${id}-panel`} aria-labelledby={`${id}-heading`} className="mt-2 rounded-lg border border-slate-300 p-4 dark:border-slate-600">
          <h3 id={`${id}-heading`} className="text-lg font-semibold">
            Report a wrong answer
          </h3>
          <p className="mt-1 text-sm">
            The report opens as a new issue on the project’s tracker ({hostOf(reportBase)}) in a new tab. Nothing is sent from this page: you can read and
            change the report there before you submit it.
          </p>
          <fieldset className="mt-3">
            <legend className="font-medium">Include in the report</legend>
            <div className="mt-1 space-y-2">
              <label className="flex items-start gap-2">
                <input type="checkbox" className={checkbox} checked={withAnswer} onChange={(event) => setWithAnswer(event.target.checked)} />
                <span>
                  The answer shown here
                  <span className="block text-sm text-slate-700 dark:text-slate-300">{main ? main.headline : answer[0]}</span>
                </span>
              </label>
              {codes.length > 0 && (
                <label className="flex items-start gap-2">
                  <input type="checkbox" className={checkbox} checked={withCodes} onChange={(event) => setWithCodes(event.target.checked)} />
                  <span>
                    The codes found
                    <span className="block font-mono text-sm break-all text-slate-700 dark:text-slate-300">{codes.join(', ')}</span>
                  </span>
                </label>
              )}
              <label className="flex items-start gap-2">
                <input type="checkbox" className={checkbox} checked={withBounce} onChange={(event) => void includeBounce(event.target.checked)} />
                <span>
                  The bounce text
                  <span className="block text-sm text-slate-700 dark:text-slate-300">
                    With email addresses, names, subject lines, IP addresses and your server names replaced, as in a share link; the copy of your
                    original message is left out.
                  </span>
                </span>
              </label>
            </div>
          </fieldset>
          <label htmlFor={`${id}-note`} className="mt-3 block font-medium">
            What is wrong? <span className="font-normal">(optional)</span>
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="For example: the address exists, the mailbox was full"
            className="mt-1 w-full rounded border border-slate-500 bg-white p-2 text-sm dark:bg-slate-900"
          />
          <p role="status" className="mt-2 text-sm">
            {status}
          </p>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-blue-700 underline dark:text-blue-300">See the text of the report</summary>
            <pre
              tabIndex={0}
              aria-label="Text of the report"
              className="mt-1 max-h-64 overflow-auto rounded border border-slate-300 bg-slate-50 p-2 whitespace-pre-wrap dark:border-slate-600 dark:bg-slate-900"
            >
              {body}
            </pre>
          </details>
          <div className="mt-3">
            {busy ? (
              <span aria-disabled="true" className="inline-block cursor-progress rounded bg-blue-700 px-4 py-2 font-medium text-white opacity-80">
                Open the report
              </span>
            ) : (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label="Open the report on the issue tracker (opens in a new tab)"
                onClick={() => setStatus(`The report opened in a new tab on ${hostOf(reportBase)}. Check it there and submit it, or close the tab to send nothing.`)}
                className="inline-block rounded bg-blue-700 px-4 py-2 font-medium text-white no-underline hover:bg-blue-800 dark:text-white"
              >
                Open the report
              </a>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
