// Reason guides: one file per reason id (content/reasons/<reason>.md) with a plain-words headline, a short
// explanation and generic steps for every role. They are the fallback answer when no catalogue entry
// matches with confidence, so every reason and every role must be present: a gap is a build error that
// names the file and the field. Pure: takes file sources, returns errors and the rendered guides.
import { marked } from 'marked';
import { z } from 'zod';
import { splitFrontMatter } from './front-matter.ts';
import { AUDIENCES, REASONS, type Audience, type Reason } from './vocabulary.ts';

// "<b>", "</div>", "<!-- x -->": raw HTML is refused; the guides are inline Markdown only.
const RAW_HTML = /<[a-z!/]/i;
const line = z
  .string()
  .trim()
  .min(1)
  .refine((value) => !RAW_HTML.test(value), 'raw HTML is not allowed; write Markdown');

export const reasonGuideSchema = z
  .object({
    headline: line.pipe(z.string().max(70)).describe('the verdict in plain words, as a heading'),
    explanation: line.pipe(z.string().max(400)).describe('what happened and whether it fixes itself, two sentences at most'),
    steps: z.object(Object.fromEntries(AUDIENCES.map((audience) => [audience, z.array(line).min(1)])) as Record<Audience, z.ZodArray<typeof line>>).strict(),
  })
  .strict();

/** One guide as the page reads it: Markdown rendered to inline HTML. */
export type ReasonGuide = { headline: string; explanationHtml: string; steps: Record<Audience, string[]> };
export type ReasonGuides = Record<Reason, ReasonGuide>;

export type GuideFile = { path: string; source: string };

const renderInline = (markdown: string): string => marked.parseInline(markdown, { async: false, gfm: true });
const FOLDER = 'content/reasons/';

/** Checks every guide and renders them; `guides` is null when anything is missing or wrong. */
export function readReasonGuides(files: readonly GuideFile[]): { errors: string[]; guides: ReasonGuides | null } {
  const errors: string[] = [];
  const found = new Map<Reason, ReasonGuide>();
  for (const file of files) {
    const id = file.path.slice(FOLDER.length).replace(/\.md$/, '');
    if (!(REASONS as readonly string[]).includes(id)) {
      errors.push(`${file.path}: no reason "${id}" in REASONS (src/lib/content/vocabulary.ts)`);
      continue;
    }
    const split = splitFrontMatter(file.source);
    if (!split.ok) {
      errors.push(`${file.path}: ${split.error}`);
      continue;
    }
    const parsed = reasonGuideSchema.safeParse(split.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${file.path}: ${issue.path.join('.') || '(front matter)'}: ${issue.message}`);
      continue;
    }
    const { headline, explanation, steps } = parsed.data;
    found.set(id as Reason, {
      headline,
      explanationHtml: renderInline(explanation),
      steps: Object.fromEntries(AUDIENCES.map((audience) => [audience, steps[audience].map(renderInline)])) as Record<Audience, string[]>,
    });
  }
  for (const reason of REASONS) {
    if (!found.has(reason) && !errors.some((error) => error.startsWith(`${FOLDER}${reason}.md:`))) {
      errors.push(`${FOLDER}${reason}.md: missing: every reason needs a guide with headline, explanation and steps for ${AUDIENCES.join(', ')}`);
    }
  }
  return { errors, guides: errors.length ? null : (Object.fromEntries(found) as ReasonGuides) };
}
