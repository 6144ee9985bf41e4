// One message of the input, diagnosed and printed: the step every lane runs (the main thread, or a
// worker thread when the input is large), so a message gives the same lines wherever it ran. A result
// is plain data (strings and counts) that crosses a thread boundary cheaply; the caller writes the
// results in input order and adds them up for --summary.
import { decodeBytes } from '../lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../lib/bounce/diagnose.ts';
import { bundledCatalogue as catalogue } from './bundled-catalogue.ts';
import { toCsvLines, toHumanError, toHumanNotice, toHumanText, toJsonError, toJsonLine, toRecipientLines, toSummaryItem } from './format-output.ts';
import type { Source, SummaryItem } from './format-output.ts';
import type { InputMessage } from './read-inputs.ts';

export type Mode = 'text' | 'json' | 'recipients' | 'csv';

export type MessageResult = {
  /** Lines for standard output. */
  lines: string[];
  /** Lines for standard error (notes and errors in the modes whose output is one line per recipient). */
  notes: string[];
  /** What --summary counts; null when the message could not be read. */
  summary: SummaryItem | null;
};

export function sourceOf(message: InputMessage): Source {
  return message.index === undefined ? { file: message.file } : { file: message.file, index: message.index, offset: message.offset ?? 0 };
}

function describeFailure(source: Source, error: string, mode: Mode): MessageResult {
  if (mode === 'json') return { lines: [toJsonError(source, error)], notes: [], summary: null };
  if (mode === 'text') return { lines: [toHumanError(source, error)], notes: [], summary: null };
  return { lines: [], notes: [toHumanError(source, error)], summary: null };
}

/** Diagnoses one message (or reports why it could not be read) as the lines `mode` prints. */
export async function diagnoseMessage(message: InputMessage, mode: Mode): Promise<MessageResult> {
  const source = sourceOf(message);
  if (!message.bytes) return describeFailure(source, message.error ?? 'unreadable', mode);
  try {
    const decoded = decodeBytes(message.bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    const diagnosis = await diagnoseBounce(decoded.text, catalogue);
    const notes = mode === 'recipients' || mode === 'csv' ? (diagnosis.notices ?? []).map((notice) => toHumanNotice(source, notice.message)) : [];
    const lines =
      mode === 'json' ? [toJsonLine(source, diagnosis)] : mode === 'recipients' ? toRecipientLines(source, diagnosis) : mode === 'csv' ? toCsvLines(source, diagnosis) : [toHumanText(source, diagnosis)];
    return { lines, notes, summary: toSummaryItem(diagnosis) };
  } catch (caught) {
    return describeFailure(source, caught instanceof Error ? caught.message : String(caught), mode);
  }
}
