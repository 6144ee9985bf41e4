// Share a diagnosis: a link that reopens it, with the bounce compressed into the URL fragment so no
// server ever receives it. By default the returned original message and attachments are dropped and
// every address, name, subject, IP and customer host is replaced (src/lib/share/redact.ts); after the
// link is made, the panel lists exactly what was removed and what stays, and shows the shared text.
import { useId, useState } from 'react';
import { redactBounce, type RedactionReport } from '../lib/share/redact.ts';
import { encodeShareFragment, SHARE_LIMIT } from '../lib/share/share-link.ts';

type SharePanelProps = { text: string; publicHosts: readonly string[] };

type Shared = { link: string; text: string; report: RedactionReport | null };

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

  const share = async (): Promise<void> => {
    const redaction = unchanged ? null : redactBounce(text, { publicHosts, dropOriginal });
    const sharedText = redaction ? redaction.text : text;
    if (sharedText.length > SHARE_LIMIT) {
      setShared(null);
      setStatus(
        `This bounce is too long for a link (${kilobytes(sharedText.length)}; a link holds up to ${kilobytes(SHARE_LIMIT)}).${dropOriginal ? '' : ' Leave “Leave out the copy of my original message” on,'} or share only the part with the codes.`,
      );
      return;
    }
    const link = `${window.location.origin}/#${encodeShareFragment(sharedText)}`;
    setShared({ link, text: sharedText, report: redaction?.report ?? null });
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('Select the link and copy it.');
    }
  };

  const reset = (): void => {
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
      <button type="button" onClick={() => void share()} className="mt-2 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
        Share
      </button>
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
