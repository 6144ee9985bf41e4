// What the page says when the text holds no bounce codes: a question goes to search; a mail app's
// notice is named; otherwise, how to get the full bounce out of the common mail apps, so the reader
// always has a next step.
import { useId } from 'react';
import type { AppNotice } from '../lib/verdict/read-app-notice.ts';
import { CardHeading } from './VerdictCard.tsx';

type NoBounceCardProps = {
  text: string;
  question: boolean;
  notice: AppNotice;
  suggestions: { domain: string; suggestion: string }[];
  /** Runs the question as a search. */
  onSearch: (query: string) => void;
};

/** Where each mail app shows the full bounce with its codes. */
const FULL_BOUNCE_STEPS = [
  <>
    <strong>Gmail</strong> (web): open the bounce, click the three dots (More) next to Reply, choose <strong>Show original</strong>, then{' '}
    <strong>Copy to clipboard</strong>.
  </>,
  <>
    <strong>Outlook</strong>: open the bounce, choose the three dots (More actions), then <strong>View</strong> and{' '}
    <strong>View message details</strong>, and copy all of it.
  </>,
  <>
    <strong>Apple Mail</strong>: select the bounce, choose <strong>View</strong>, <strong>Message</strong>, <strong>Raw source</strong>, and copy
    all of it.
  </>,
  <>
    <strong>Thunderbird</strong>: open the bounce and choose <strong>View source</strong> (Ctrl+U, or Cmd+U on a Mac), and copy all of it.
  </>,
  <>Paste it here. Or save the bounce as an .eml file and drop it on the box.</>,
];

export function NoBounceCard({ text, question, notice, suggestions, onSearch }: NoBounceCardProps) {
  const id = useId();
  if (question) {
    const query = text.trim();
    return (
      <article aria-labelledby={`${id}-heading`} className="verdict-card" data-family="unknown">
        <CardHeading id={`${id}-heading`} eyebrow="Diagnosis" headline="This looks like a question" />
        <p className="mt-3">The catalogue answers questions about codes and messages. Search it for your words:</p>
        <p className="mt-3">
          <button type="button" className="button-primary" onClick={() => onSearch(query)}>
            Search for “{query.length > 60 ? `${query.slice(0, 57)}…` : query}”
          </button>
        </p>
        <p className="mt-3 text-sm">If you have the bounce itself, paste all of it in the box instead.</p>
      </article>
    );
  }
  const title = notice.title ? `Your mail app’s notice: “${notice.title}”` : 'No bounce codes in this text';
  return (
    <article aria-labelledby={`${id}-heading`} className="verdict-card" data-family="unknown">
      <CardHeading id={`${id}-heading`} eyebrow="Diagnosis" headline={title} />
      <p className="mt-3">
        {notice.title
          ? 'Mail apps show a short notice like this one; the codes that say why are in the full bounce behind it.'
          : 'Without the codes the servers sent, the cause cannot be read. They are in the full bounce email.'}
      </p>
      {suggestions.map(({ domain, suggestion }) => (
        <p key={domain} className="mt-3 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
          <strong>Did you mean {suggestion}?</strong> The address uses <code>{domain}</code>, which looks like a typo of <code>{suggestion}</code>.
        </p>
      ))}
      <h3 className="mt-4 font-semibold">Get the full bounce</h3>
      <ol aria-label="Steps to get the full bounce" className="verdict-steps mt-2">
        {FULL_BOUNCE_STEPS.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
    </article>
  );
}
