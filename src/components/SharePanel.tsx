// Share a diagnosis: a link that reopens it, with the bounce compressed into the URL fragment so no
// server ever receives it. Addresses, IP addresses and host names are replaced by placeholders unless
// the person chooses to keep them.
import { useId, useState } from 'react';
import { redactText } from '../lib/share/redact.ts';
import { encodeShareFragment, SHARE_LIMIT } from '../lib/share/share-link.ts';

type SharePanelProps = { text: string; publicHosts: readonly string[] };

export function SharePanel({ text, publicHosts }: SharePanelProps) {
  const id = useId();
  const [keep, setKeep] = useState(false);
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');

  const share = async (): Promise<void> => {
    const shared = keep ? text : redactText(text, { publicHosts });
    if (shared.length > SHARE_LIMIT) {
      setLink('');
      setStatus(`This bounce is too long for a link (over ${String(SHARE_LIMIT / 1000)} KB). Share only the part with the codes.`);
      return;
    }
    const url = `${window.location.origin}/#${encodeShareFragment(shared)}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('Select the link and copy it.');
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Share a link to this result
      </h2>
      <p className="mt-1 text-sm">
        The link carries the bounce itself after the # sign, which browsers never send to any server.
      </p>
      <label className="mt-2 flex items-center gap-2">
        <input type="checkbox" checked={keep} onChange={(event) => {
          setKeep(event.target.checked);
          setLink('');
        }} />
        Keep email addresses, IP addresses and host names in the link
      </label>
      {!keep && <p className="text-sm">They are replaced by placeholders such as user1@domain1.example.com; the codes and the diagnosis stay the same.</p>}
      <button type="button" onClick={() => void share()} className="mt-2 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
        Share
      </button>
      {link && (
        <div className="mt-2">
          <label htmlFor={`${id}-link`} className="block font-medium">
            Share link
          </label>
          <input
            id={`${id}-link`}
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
            className="mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm dark:bg-slate-900"
          />
        </div>
      )}
      <p role="status" className="mt-1 text-sm">
        {status}
      </p>
    </section>
  );
}
