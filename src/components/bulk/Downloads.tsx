// The two downloads of the bulk report. Files are built in the page and handed over as Blob URLs:
// nothing is uploaded or requested.
import { formatAddressList, formatRecipientsCsv } from '../../lib/bulk/csv.ts';
import type { FailedRecipient } from '../../lib/bulk/build-report.ts';
import { listAddressesToRemove } from '../../lib/bulk/removal.ts';

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const BUTTON = 'rounded border border-slate-500 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800';

export function Downloads({ recipients }: { recipients: readonly FailedRecipient[] }) {
  const toRemove = listAddressesToRemove(recipients);
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <button type="button" className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800" onClick={() => download('bounced-recipients.csv', 'text/csv;charset=utf-8', formatRecipientsCsv(recipients))}>
        Download CSV
      </button>
      <button type="button" className={BUTTON} disabled={toRemove.length === 0} onClick={() => download('addresses-to-remove.txt', 'text/plain;charset=utf-8', formatAddressList(toRemove))}>
        Download addresses to remove ({toRemove.length})
      </button>
    </div>
  );
}
