// "Paste your bounce": a text area that also takes a dropped or chosen .eml or .txt file, diagnosed as
// the text arrives (debounced) and on "Diagnose". Shows the text back with its codes marked, the
// diagnosis, and a share link. Nothing pasted leaves the page; the text stays in this tab's session
// storage so that following a link and coming back loses nothing.
import { useEffect, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { EXAMPLE_BOUNCES } from '../examples.ts';
import { INPUT_LIMIT, useDiagnosis } from '../hooks/useDiagnosis.ts';
import { useShareLink, useShareTitle } from '../hooks/useShareLink.ts';
import { decodeBytes } from '../lib/bounce/decode-bytes.ts';
import { DiagnosisView, verdictText } from './DiagnosisView.tsx';
import { HighlightedBounce } from './HighlightedBounce.tsx';
import { SharePanel } from './SharePanel.tsx';

const DEBOUNCE_MS = 350;
const SESSION_KEY = 'bouncedoc:paste';

const megabytes = (characters: number): string => `${(characters / 1024 / 1024).toFixed(1)} MB`;

export function PasteBox() {
  const id = useId();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const { state, data, diagnose, reset } = useDiagnosis();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const cancelPending = (): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Keeps the text for this tab and diagnoses it; runs once per pause in typing, not per keystroke. */
  const run = (next: string): void => {
    try {
      sessionStorage.setItem(SESSION_KEY, next.length <= 2_000_000 ? next : '');
    } catch {
      // Storage full or disabled: the text simply is not kept across navigation.
    }
    void diagnose(next);
  };

  const accept = (next: string, immediately: boolean): void => {
    setText(next);
    cancelPending();
    if (next.length > INPUT_LIMIT) {
      setNotice(`This text is ${megabytes(next.length)}; Bouncedoc reads up to ${megabytes(INPUT_LIMIT)}. Paste only the bounce (the part with the codes), not the attachments.`);
      reset();
      return;
    }
    setNotice(null);
    if (immediately) run(next);
    else timer.current = setTimeout(() => run(next), DEBOUNCE_MS);
  };

  // A share link's bounce arrives in the URL fragment (on load, or when another link is opened in this
  // tab); otherwise the text this tab had before comes back.
  const sharedText = useShareLink({
    onShared: (shared) => {
      setNotice(null);
      setText(shared);
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
    accept(decoded.text, true);
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
    setNotice(null);
    reset();
    sessionStorage.removeItem(SESSION_KEY);
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  };

  const done = state.status === 'done' && state.text === text ? state : null;
  useShareTitle(done?.diagnosis ?? null, done !== null && done.text === sharedText);
  const announcement =
    state.status === 'working'
      ? 'Diagnosing…'
      : state.status === 'done'
        ? `Diagnosis ready: ${verdictText(state.diagnosis).label}. ${state.diagnosis.kind === 'bounce' || state.diagnosis.kind === 'delay' ? state.diagnosis.reasonLabel : ''}`
        : state.status === 'error'
          ? 'The diagnosis failed.'
          : '';

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
      <textarea
        id={`${id}-text`}
        value={text}
        rows={8}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(event) => accept(event.target.value, false)}
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
          onClick={() => accept(text, true)}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Diagnose
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} className="rounded border border-slate-500 px-4 py-2">
          Open a file…
        </button>
        <input ref={fileInput} type="file" accept=".eml,.txt,.msg,message/rfc822,text/plain" className="sr-only" tabIndex={-1} aria-label="Bounce file" onChange={onFileChosen} />
        <button type="button" onClick={clear} className="rounded border border-slate-500 px-4 py-2">
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
      {done && data && (
        <>
          <HighlightedBounce
            label="Your bounce, with the codes marked"
            text={done.text}
            findings={done.diagnosis.codes.filter((finding) => !finding.decoded)}
            data={data}
            primary={done.diagnosis.enhancedCode ?? done.diagnosis.replyCode}
            preferredEntries={done.diagnosis.matches.map((match) => match.id)}
          />
          {done.diagnosis.text && done.diagnosis.codes.some((finding) => finding.decoded) && (
            <HighlightedBounce
              label="Codes found in the encoded parts of the email, decoded"
              text={done.diagnosis.text}
              findings={done.diagnosis.codes.filter((finding) => finding.decoded)}
              data={data}
              primary={null}
              preferredEntries={done.diagnosis.matches.map((match) => match.id)}
            />
          )}
          <DiagnosisView diagnosis={done.diagnosis} data={data} />
          <SharePanel text={done.text} publicHosts={data.publicHosts} />
        </>
      )}
    </section>
  );
}
