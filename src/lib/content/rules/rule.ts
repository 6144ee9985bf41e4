// The shape of a content rule, after mdn/browser-compat-data's linters: one small module per check, each
// given the whole parsed content and returning its problems as `file: field: problem` lines.
import type { CodeIndex } from '../code-index.ts';
import type { ParsedContent } from '../parse.ts';

export type RuleContext = { content: ParsedContent; codes: CodeIndex; routes: ReadonlySet<string> };

export type ContentRule = { name: string; check: (context: RuleContext) => string[] };
