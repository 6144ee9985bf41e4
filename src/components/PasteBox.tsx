// "Paste your bounce": a text area that also takes a dropped or chosen .eml or .txt file, diagnosed as
// the text arrives (debounced) and at once on "Diagnose", a paste, a drop or a share link, which also
// bring the verdict into view (typing never moves the page or the focus). A slow read shows progress
// and can be cancelled. Nothing pasted leaves the page; the text stays in this tab's session storage
// so that following a link and coming back loses nothing. A paste or file over LARGE_TEXT characters is
// kept whole in state but the text area shows only its start, labelled as such: laying out megabytes in
// a <textarea> blocks the page for hundreds of milliseconds. "Edit the whole text" puts all of it back.
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { EXAMPLE_BOUNCES } from '../examples.ts';
import { INPUT_LIMIT, useDiagnosis } from '../hooks/useDiagnosis.ts';
import { useReaderRole } from '../hooks/useReaderRole.ts';
import { useShareLink, useShareTitle } from '../hooks/useShareLink.ts';
import { decodeBytes } from '../lib/bounce/decode-bytes.ts';
import type { Diagnosis } from '../lib/bounce/types.ts';
import { looksLikeQuestion } from '../lib/verdict/read-app-notice.ts';
import { readVerdicts } from '../lib/verdict/read-verdicts.ts';
import { announceReading, DiagnosisView } from './DiagnosisView.tsx';
import { SharePanel } from './SharePanel.tsx';

const DEBOUNCE_MS = 350;
const SESSION_KEY = 'bouncedoc:paste';
/** Longer texts are not kept across navigation: writing megabytes to session storage blocks the page. */
const SESSION_LIMIT = 256 * 1024;
/** A read that takes longer than this shows "Reading your bounce..." with a way to cancel. */
const SLOW_MS = 150;
/** Pastes and files longer than this (in characters) are shown as a preview of their start. */
export const LARGE_TEXT = 256 * 1024;
/** How much of a large text the preview shows, in characters (cut back to a line end). */
const PREVIEW_CHARS = 4000;

/** The first lines of a large text, up to PREVIEW_CHARS characters. */
function previewOf(text: string): string {
  const start = text.slice(0, PREVIEW_CHARS);
  const lineEnd = start.lastIndexOf('\n');
  return lineEnd > PREVIEW_CHARS / 2 ? start.slice(0, lineEnd) : start;
}

const megabytes = (characters: number): string => `${(characters / 1024 / 1024).toFixed(1)} MB`;

export function PasteBox() {
  const id = useId();
  const [text, setText] = useState('');
  /** Where a large text came from ("your paste" or a file name) while only its preview is shown. */
  const [large, setLarge] = useState<string | null>(null);
  const preview = useMemo(() => (large === null ? '' : previewOf(text)), [large, text]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const { state, data, diagnose, reset, cancel } = useDiagnosis();
  const [role, setRole] = useReaderRole();
  const navigate = useNavigate();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const region = useRef<HTMLElement>(null);
  const pasted = useRef(false);
  /** Set when the verdict should be brought into view once it is ready (not while typing). */
  const reveal = useRef(false);
  const [slow, setSlow] = useState(false);

  // The last finished diagnosis stays on screen while the next one is read, so nothing jumps.
  const [shown, setShown] = useState<{ text: string; diagnosis: Diagnosis; codeCount: number } | null>(null);
  if (state.status === 'done' && shown?.diagnosis !== state.diagnosis) setShown({ text: state.text, diagnosis: state.diagnosis, codeCount: state.codeCount });

  const cancelPending = (): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Keeps the text for this tab and diagnoses it; runs once per pause in typing, not per keystroke. */
  const run = (next: string): void => {
    try {
      sessionStorage.setItem(SESSION_KEY, next.length <= SESSION_LIMIT ? next : '');
    } catch {
      // Storage full or disabled: the text simply is not kept across navigation.
    }
    void diagnose(next);
  };

  /** `source` names where a pasted or opened text came from; a large one is then shown as a preview. */
  const accept = (next: string, immediately: boolean, source?: string): void => {
    setText(next);
    setLarge(source !== undefined && next.length > LARGE_TEXT ? source : null);
    cancelPending();
    reveal.current = immediately;
    if (next.length > INPUT_LIMIT) {
      setNotice(`This text is ${megabytes(next.length)}; Bouncedoc reads up to ${megabytes(INPUT_LIMIT)}. Paste only the bounce (the part with the codes), not the attachments.`);
      reset();
      setShown(null);
      return;
    }
    setNotice(null);
    if (immediately) run(next);
    else timer.current = setTimeout(() => run(next), DEBOUNCE_MS);
  };

  /** A question goes to the catalogue search (?q=), which is then brought into view. */
  const search = (query: string): void => {
    void navigate({ to: '/', search: { q: query.trim().slice(0, 200) }, replace: true }).then(() => {
      document.getElementById('search')?.scrollIntoView({ block: 'start' });
    });
  };

  const diagnoseNow = (): void => {
    if (looksLikeQuestion(text)) search(text);
    else accept(text, true);
  };

  // Bring the verdict card's top (and with it the first step) into view once the diagnosis is ready.
  useEffect(() => {
    if (state.status !== 'done' || !reveal.current) return;
    reveal.current = false;
    region.current?.scrollIntoView({ block: 'start' });
  }, [state]);

  // "Reading your bounce..." only when reading takes long enough to notice.
  useEffect(() => {
    if (state.status !== 'working') return;
    const slowTimer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => {
      clearTimeout(slowTimer);
      setSlow(false);
    };
  }, [state]);

  // A share link's bounce arrives in the URL fragment (on load, or when another link is opened in this
  // tab); otherwise the text this tab had before comes back.
  const sharedText = useShareLink({
    onShared: (shared) => {
      setNotice(null);
      setText(shared);
      reveal.current = true;
      void diagnose(shared);
    },
    onError: setNotice,
    onNoLink: () => {
      const restored = sessionStorage.getItem(SESSION_KEY);
      if (restored) {
        setText(restored);
        void diagnose(restored);
      }
    },
  });

  useEffect(() => cancelPending, []);

  const readFile = async (file: File): Promise<void> => {
    if (file.size > INPUT_LIMIT) {
      setNotice(`“${file.name}” is ${megabytes(file.size)}; Bouncedoc reads files up to ${megabytes(INPUT_LIMIT)}.`);
      return;
    }
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setNotice(`“${file.name}” does not look like an email or a text file, so it was not read. Choose the bounce saved as .eml or .txt.`);
      return;
    }
    accept(decoded.text, true, `“${file.name}”`);
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) void readFile(file);
    event.target.value = '';
  };

  const onDrop = (event: DragEvent<HTMLTextAreaElement>): void => {
    const file = event.dataTransfer.files[0];
    setDragging(false);
    if (!file) return;
    event.preventDefault();
    void readFile(file);
  };

  const clear = (): void => {
    cancelPending();
    setText('');
    setLarge(null);
    setNotice(null);
    reset();
    setShown(null);
    sessionStorage.removeItem(SESSION_KEY);
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  };

  /** Puts the whole large text into the box (the page may pause while it is laid out), keeping the focus there. */
  const editWhole = (): void => {
    setLarge(null);
    requestAnimationFrame(() => textArea.current?.focus());
  };

  const stopReading = (): void => {
    cancel();
    setShown(null);
    setNotice('Stopped reading. Your text is still in the box: paste only the bounce itself (the part with the codes) to make it quicker.');
  };

  const current = shown && text.trim() !== '' ? shown : null;
  const reading = useMemo(() => (current && data ? readVerdicts(current.text, current.diagnosis, data.entries, data.guides) : null), [current, data]);
  useShareTitle(current?.diagnosis ?? null, current !== null && current.text === sharedText);
  const announcement =
    state.status === 'working' ? (slow ? 'Reading your bounce…' : '') : state.status === 'error' ? 'The diagnosis failed.' : state.status === 'done' && reading ? announceReading(reading) : '';

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Paste your bounce
      </h2>
      <label htmlFor={`${id}-text`} className="mt-2 block font-medium">
        Paste your bounce message
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
        One line from an error dialog or the whole bounce email, up to {megabytes(INPUT_LIMIT)}. You can also drop an .eml or
        .txt file here. It is read in your browser and never sent anywhere.
      </p>
      {large !== null && (
        <div id={`${id}-large`} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-blue-700 bg-blue-50 p-2 text-sm dark:border-blue-400 dark:bg-slate-900">
          <p className="min-w-0 flex-1 basis-64">
            <strong>
              Large bounce: {megabytes(text.length)}, from {large}.
            </strong>{' '}
            The box shows only its first lines so the page stays quick; the diagnosis and Share use all of it. A new paste replaces it.
          </p>
          <button type="button" className="button-secondary" onClick={editWhole}>
            Edit the whole text
          </button>
        </div>
      )}
      <textarea
        id={`${id}-text`}
        ref={textArea}
        value={large === null ? text : preview}
        readOnly={large !== null}
        rows={8}
        spellCheck={false}
        aria-describedby={large === null ? `${id}-hint` : `${id}-hint ${id}-large`}
        onPaste={(event) => {
          // A large paste (or any paste over a preview) replaces the selection in state, not in the box.
          const clip = event.clipboardData.getData('text/plain');
          if (large === null && clip.length <= LARGE_TEXT) {
            pasted.current = true;
            return;
          }
          event.preventDefault();
          const area = event.currentTarget;
          accept(large === null ? text.slice(0, area.selectionStart) + clip + text.slice(area.selectionEnd) : clip, true, 'your paste');
        }}
        onChange={(event) => {
          accept(event.target.value, pasted.current);
          pasted.current = false;
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) {
            event.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-1 w-full rounded border bg-white p-2 font-mono text-sm dark:bg-slate-900 ${dragging ? 'border-4 border-blue-700' : 'border-slate-500'}`}
      />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={diagnoseNow}
          className="button-primary"
        >
          Diagnose
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} className="button-secondary">
          Open a file…
        </button>
        <input ref={fileInput} type="file" accept=".eml,.txt,.msg,message/rfc822,text/plain" className="sr-only" tabIndex={-1} aria-label="Bounce file" onChange={onFileChosen} />
        <button type="button" onClick={clear} className="button-secondary">
          Clear
        </button>
      </div>
      <div className="mt-3 text-sm">
        <span className="font-medium">Try an example: </span>
        {EXAMPLE_BOUNCES.map((example, index) => (
          <span key={example.label}>
            {index > 0 && ' · '}
            <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => accept(example.text, true)}>
              {example.label}
            </button>
          </span>
        ))}
      </div>
      {notice && (
        <p role="alert" className="mt-3 rounded border border-amber-700 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {notice}
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {state.status === 'error' && (
        <p role="alert" className="mt-3">
          Something went wrong while reading this text ({state.message}). Your text is still in the box.
        </p>
      )}
      {slow && state.status === 'working' && (
        <div className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-blue-700 bg-blue-50 p-3 dark:border-blue-400 dark:bg-slate-900">
          <p className="font-medium">Reading your bounce…</p>
          <progress aria-label="Reading your bounce" className="h-2 w-32 accent-blue-700" />
          <button type="button" onClick={stopReading} className="button-secondary">
            Cancel
          </button>
        </div>
      )}
      {current && data && reading && (
        <>
          <DiagnosisView
            ref={region}
            text={current.text}
            diagnosis={current.diagnosis}
            codeCount={current.codeCount}
            reading={reading}
            data={data}
            role={role}
            onRole={setRole}
            onSearch={search}
            busy={state.status === 'working'}
          />
          {!reading.question && <SharePanel text={current.text} publicHosts={data.publicHosts} />}
        </>
      )}
    </section>
  );
}
