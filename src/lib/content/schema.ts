// The content schema: the only source of types for catalogue entries, articles, code notes and
// provider profiles. Front matter is YAML, checked here; prose bodies are Markdown.
// Codes follow RFC 5321 section 4.2 (three-digit replies) and RFC 3463 (class.subject.detail).
import { z } from 'zod';
import { AUDIENCES, ORIGINS, REASONS } from './vocabulary.ts';

/** Three-digit SMTP reply code, e.g. "550" (RFC 5321 section 4.2.3). */
export const REPLY_CODE = /^[2-5][0-5][0-9]$/;
/** Enhanced status code, e.g. "5.7.1", or a range as Microsoft writes it, e.g. "5.7.606-649". */
export const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3}(-\d{1,3})?$/;
/** Lower-case kebab-case slug, e.g. "mx-records". */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);
const markdownLine = text.describe('inline Markdown: links allowed, no HTML');
const steps = z.array(markdownLine).min(1);

export const entrySchema = z
  .object({
    title: text.max(90),
    summary: text.max(200).describe('one plain sentence: what happened; used as the meta description'),
    texts: z.array(text).min(1).describe('literal bounce texts exactly as a server sends them'),
    reply: z.string().regex(REPLY_CODE).nullable(),
    enhanced: z.string().regex(ENHANCED_CODE).nullable(),
    tag: z.string().trim().min(1).nullable(),
    reason: z.enum(REASONS),
    permanence: z
      .enum(['temporary', 'permanent'])
      .optional()
      .describe('only for entries whose texts carry no code at all; otherwise derived from the code'),
    origin: z.enum(ORIGINS),
    actors: z.array(z.enum(AUDIENCES)).min(1).describe('who has to act, most important first'),
    steps: z.partialRecord(z.enum(AUDIENCES), steps),
    confirm: text.describe('how to check that the fix worked'),
    articles: z.array(z.string().regex(SLUG)).default([]),
    docs: z.url({ protocol: /^https$/ }).optional().describe("the provider's own documentation"),
    sources: z
      .array(text)
      .default([])
      .describe('where the codes and literal texts come from: https links, or a citation of a document'),
    reviewed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('the day the codes and texts were last checked against the sources, as YYYY-MM-DD'),
  })
  .strict();
export type EntryFrontMatter = z.infer<typeof entrySchema>;

export const articleSchema = z
  .object({
    title: text.max(90),
    summary: text.max(200),
    goal: text,
    steps: steps,
    check: steps.describe('how to check that it worked'),
  })
  .strict();
export type ArticleFrontMatter = z.infer<typeof articleSchema>;

export const codeNoteSchema = z
  .object({
    summary: text.max(200).describe('what this code means, in plain words'),
  })
  .strict();
export type CodeNoteFrontMatter = z.infer<typeof codeNoteSchema>;

export const providerSchema = z
  .object({
    name: text,
    summary: text.max(200),
    domains: z.array(text).default([]).describe('domains whose mail this provider handles, for detection'),
    hosts: z.array(text).default([]).describe('host name fragments seen in its bounces, e.g. emailsrvr.com'),
    postmaster: z.url({ protocol: /^https$/ }).optional(),
    delisting: z.url({ protocol: /^https$/ }).optional(),
    docs: z.url({ protocol: /^https$/ }).optional(),
  })
  .strict();
export type ProviderFrontMatter = z.infer<typeof providerSchema>;
