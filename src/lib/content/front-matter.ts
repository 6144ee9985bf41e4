// Splits a content file into YAML front matter and a Markdown body.
// Front matter is the block between a leading `---` line and the next `---` line.
import { parse as parseYaml, YAMLParseError } from 'yaml';

export type FrontMatterResult =
  | { ok: true; data: unknown; body: string }
  | { ok: false; error: string };

/** Matches the opening front matter block, e.g. "---\ntitle: x\n---\n". */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): FrontMatterResult {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { ok: false, error: 'no front matter (the file must start with a --- line)' };
  try {
    const data: unknown = parseYaml(match[1] ?? '', { prettyErrors: true });
    return { ok: true, data, body: source.slice(match[0].length).trim() };
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, error: `front matter is not valid YAML: ${message}` };
  }
}
