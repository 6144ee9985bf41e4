// Finds SMTP reply codes (RFC 5321 section 4.2), enhanced status codes (RFC 3463 section 2),
// provider tags and blocklist names in any text, with exact offsets, in one linear pass per kind.
// Numbers that only look like codes (IPv4 octets "10.4.5.1", versions "Postfix 2.5.5", times,
// dates, phone numbers, message ids) are rejected by their surroundings.
import { BLOCKLIST_GATE, BLOCKLIST_LONGEST, BLOCKLIST_PATTERN, TAG_PATTERNS } from './code-patterns.ts';
import type { TagPattern } from './code-patterns.ts';
import type { Finding } from './types.ts';

// "5.1.1", "#5.1.1", "(5.7.606)", "550-5.1.1"; not "id-5.9.2", "10.4.5.1", "4.16.55.1", "v5.1.1" or "5.1.1.3"
const ENHANCED = /(?<![\w.@/$:]|[^\s\d]-)([245])\.([0-7])\.(\d{1,3})(?![\w@/-]|\.\d)/g;
// "550 ", "550-5.1.1", "421-", "554<EOL>", "#550 5.1.1" (Exchange), "\"code\": 550," (an ESP's JSON event),
// "550-'5.7.1", "550: 5.2.2", "ERROR_CODE :550", "said:550", "[SMTP Error Code 550]", "said: 550 {mx001}";
// not "1550", "550.3", "12:550"
const REPLY = /(?<![\w.@/$+=-]|\d:)([245][0-5]\d)(?=[ \t]|-[ \t]?['"]?[245a-zA-Z]|\r|\n|$|[;:,](?:[ \t]|\r|\n|$)|[\]})'"](?:[ \t]|[.,;]|\r|\n|$))/g;
// words that, just before a number, make it a version: "Postfix 2.5.5", "version 5.1.1", "Exim 4.72",
// "Mailman 2.0.12" (mail servers', list managers' and filters' names)
const VERSION_WORDS =
  /(?:version|ver|release|rev|build|postfix|exim|sendmail|qmail|exchange|dovecot|courier|microsoft smtp server|esmtp|smtpd|server|mailman|majordomo|listserv|sympa|lyris|mdaemon|imail|groupwise|domino|zimbra|communigate pro|kerio connect|hmailserver|smartermail|ironport|spamassassin|amavisd-new|clamav|v|r)[ \t]{0,2}$/i;
// Words that introduce a server's reply or status, in English and as localised notices write them:
// "said:", "failed with:", "Server responded with:", "Fehlercode:", "Code d'erreur :", "Código de error:",
// "Grund:", "Raison :", "Motivo:", "Powód:", "原因：", "错误代码：", "エラー:"
const INTRODUCING_WORDS =
  '(?:said|returned was|talk to me|smtp|reply|replied|response|responded|answered|error|code|status|reason|returned|diagnostic-code|failed|failure|rejected|refused|answer|message|fehler(?:code)?|grund|code d\'erreur|erreur|raison|c[oó]digo(?: de error)?|motivo|raz[oó]n|errore|fout(?:code)?|reden|b[lł][aą]d|kod b[lł][eę]du|pow[oó]d|原因|理由|エラー(?:コード)?|错误(?:代码)?|錯誤(?:代碼)?)(?:[ \t]+(?:with|by|was|is))?';
// contexts in which a bare three-digit number is a reply: "said: 550", "smtp; 550", "Remote Server returned '550", "talk to me: 421", "<a@b.example>: 550",
// "ERROR_CODE :550", "failure: 552", "ResponseCode 421,", "[SMTP Error Code 550]", "错误代码：550", and the JSON field of an ESP's event: "\"code\": 550"
// and Sendmail's "554 <a@b.example>... 550 Host unknown" (the remote reply after the address and its dots)
const REPLY_CONTEXT = new RegExp(`${INTRODUCING_WORDS}"?[ \\t]*[:;(=：]?[ \\t]*['"([]?[ \\t]*$|<<<[ \\t]?$|>>>[ \\t]?$|[\\]>]:[ \\t]{1,3}$|(?:>|@[\\w.-]{1,253})\\.\\.\\.[ \\t]{1,2}$`, 'i');
// the reply is the first thing on its line, possibly after quoting, a bullet, a markdown bold marker or an
// opening quote: "> 550 ...", "** 550", "            \"554 Message looping (received 6 times)\""
const LINE_START = /(?:^|[\r\n])[ \t>*|#-]{0,16}['"]?$/;
// a date or time right before: "Oct 2010 " "Fri, 29 ", "23:34 "
const DATE_BEFORE = /(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]{1,3}(?:\d{1,4}[ \t]{1,3})?|\d{1,2}:\d{2}(?::\d{2})?[ \t]{1,3}|\d[ \t]|\+\d{0,3}[ \t(]{0,2}|[(]\d{0,4}[)]?[ \t]?)$/i;
// what makes x.y.z a status code rather than prose ("room 4.5.1", "chapter 2.1.3"): the start of a line,
// a reply code ("550 5.1.1", "550-5.1.1"), a field or word that introduces one ("Status: 5.1.1",
// "smtp; 5.1.1", "said: 5.2.1", "error 5.7.1"), or an opening mark ("(5.2.2)", "#5.1.1", "[5.7.1]", "'5.4.1")
const ENHANCED_CONTEXT =
  /(?:^|[\r\n])[ \t>*|-]{0,12}$|(?<![\w.])[245]\d\d(?:[ \t]{1,3}|-|[ \t]?-[ \t]?|:[ \t]{1,3})$|(?:status|code|said|smtp|x-unix|error|reason|diagnostic|returned|reply|response|dsn|failed|failure|result|deferred|rejected|refused|delayed|error message|status message|fehler|grund|erreur|raison|c[oó]digo|motivo|errore|原因|エラー|错误|錯誤)"?[ \t]{0,3}[:;=：]?[ \t]{0,3}['"([<#]?$|[(#[<'"=][ \t]?$|[;:：][ \t]{1,3}$/i;
// what follows a reply: an enhanced code of the same class ("550 5.1.1", "550-'5.7.1", "550: 5.2.2"), words,
// an empty address (KDDI "550 : User unknown"), the code repeated (Gmail "554 554 5.7.0") or a server tag ("550 {mx001-rz3}")
const AFTER_REPLY = /^(?:[ \t]{1,4}(?:-[ \t])?|-[ \t]?|:[ \t]{1,3})(?:['"]?([245])\.[0-7]\.\d{1,3}\b|["'<([{\p{L}*#]|:[ \t]|[245]\d\d[ \t])/u;
// what may follow a bare reply at a line start: the end of the line ("554<EOL>"); INTRODUCED_END accepts it too
const LINE_END = /^,?[ \t]*(?:\r|\n|$)/;
// ...and after a word that introduces a failure reply, also a closing mark or a comma: "[SMTP Error Code 550]",
// "ResponseCode 421, Unable to connect"; not "width=\"208\"" or "SHA256_P=\n256)" (no introducing word)
const INTRODUCED_END = /^(?:[,;]?[ \t]*(?:\r|\n|$)|[\]})'"][ \t.,;]?|,[ \t])/;

const LOOKBEHIND = 48;

function before(text: string, index: number): string {
  return text.slice(Math.max(0, index - LOOKBEHIND), index);
}

function isEnhancedCode(text: string, start: number): boolean {
  const head = before(text, start);
  // the longest version word ("microsoft smtp server") and its spaces fit in the last 24 characters
  return ENHANCED_CONTEXT.test(head) && !VERSION_WORDS.test(head.slice(-24));
}

// A reply introduced by the start of its line or by a word that introduces one ("said: 550"); the
// second test, the costliest of the reply tests, is made only when the answer depends on it.
function isIntroduced(head: string): boolean {
  return LINE_START.test(head) || REPLY_CONTEXT.test(head);
}

function isReplyCode(text: string, start: number, end: number): boolean {
  const head = before(text, start);
  if (DATE_BEFORE.test(head) && !LINE_START.test(head)) return false;
  const tail = text.slice(end, end + 16);
  const after = AFTER_REPLY.exec(tail);
  const first = text[start];
  // "#550 5.1.1 RESOLVER.ADR.RecipNotFound ##": after a "#" only a reply with its status code counts ("ticket #550" does not)
  if (head.endsWith('#')) return after?.[1] === first;
  // Exchange's expiry "Remote Server returned '550 4.4.7 QUEUE.Expired": a failure reply with a failure status of the other class
  if (after?.[1] !== undefined) return after[1] === first || (after[1] !== '2' && first !== '2' && isIntroduced(head));
  if (after !== null) return isIntroduced(head);
  // Nothing but the end of the line after it (INTRODUCED_END allows that too), or Yahoo's "Remote host said:
  // 552 1 Requested mail action aborted" (a small number before the words): introduced either way.
  if (LINE_END.test(tail) || /^[ \t]\d{1,2}[ \t]+[A-Za-z]/.test(tail)) return isIntroduced(head);
  // ...else a closing mark or a comma, only after a word that introduces a failure reply
  return first !== '2' && INTRODUCED_END.test(tail) && REPLY_CONTEXT.test(head);
}

function pushMatches(text: string, pattern: RegExp, build: (match: RegExpExecArray) => Finding | null, out: Finding[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const finding = build(match);
    if (finding) out.push(finding);
  }
}

// Most texts hold no provider tag. A tag whose every match holds a rare mark ("OFR_416", "cuda_nsu",
// "#id-5.9.2") is looked for only where its mark stands (found with indexOf, which passes over text
// far quicker than a pattern): at each start, up to `within` characters before the mark, that can
// start a match. For the others, a scan with every case-sensitive tag pattern as an alternative finds
// whether any of them matches anywhere (an alternation matches wherever one of its alternatives does).
// The scan is two: an alternation is only as quick as its commonest first character, and lower-case
// letters are common, so the patterns whose matches may start with one (or with "#") are scanned apart
// from those starting with a capital or a bracket. When a scan finds something, it goes on from each
// place it matched, one character on, so it stops at every place where one of its patterns matches;
// each pattern is tried there alone (sticky), after the end of its own last match, which finds exactly
// what running it over the whole text finds, in one pass for all. A pattern with other flags always
// runs alone.
const PLAIN_TAGS = TAG_PATTERNS.filter(({ pattern }) => pattern.flags === 'g');
// A source whose match may start with a lower-case letter or "#", after a boundary and opening groups:
// "\b(cuda_[a-z]{2,8})\b", "\b((?:OFR|ofr)\d{0,3}_\d{3})\b", "#(id-\d\.\d\.\d)\b"; not "\b(IB\d{3})\b" or "\((G\d{1,2}[A-F]?|GE)\)"
const LOWER_START = /^(?:\\b)?(?:\((?:\?:)?)*(?:[A-Z]*\|)*[#a-z]/;

type TagGroup = { scan: RegExp; members: readonly { index: number; sticky: RegExp }[] };

function groupOf(tags: readonly TagPattern[]): TagGroup {
  return {
    scan: new RegExp(tags.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'g'),
    members: tags.map((tag) => ({ index: TAG_PATTERNS.indexOf(tag), sticky: new RegExp(tag.pattern.source, 'y') })),
  };
}

const SCANNED_TAGS = PLAIN_TAGS.filter((tag) => tag.mark === undefined);
const TAG_GROUPS = [SCANNED_TAGS.filter(({ pattern }) => !LOWER_START.test(pattern.source)), SCANNED_TAGS.filter(({ pattern }) => LOWER_START.test(pattern.source))]
  .filter((tags) => tags.length > 0)
  .map(groupOf);

// `starts` and `next` as tables by character code (1 where a match may start, or go on after its mark)
type MarkedTag = { index: number; sticky: RegExp; within: number; starts: Uint8Array; next: Uint8Array };

function tableOf(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}

// The marks and their tags: ["_", the patterns of "OFR_416", "LPN007_510", "cuda_nsu"], ["#", that of "#id-5.9.2"]
const MARKED_TAGS: [string, MarkedTag[]][] = [];
for (const tag of PLAIN_TAGS) {
  if (tag.mark === undefined) continue;
  const { char, within, starts, next } = tag.mark;
  let entry = MARKED_TAGS.find(([mark]) => mark === char);
  if (entry === undefined) {
    entry = [char, []];
    MARKED_TAGS.push(entry);
  }
  entry[1].push({ index: TAG_PATTERNS.indexOf(tag), sticky: new RegExp(tag.pattern.source, 'y'), within, starts: tableOf(starts), next: tableOf(next) });
}

// A tag pattern's match as a finding: its first group, where it stands ("(G17)" -> "G17").
function tagOf(m: RegExpExecArray): Finding {
  const value = m[1] ?? m[0];
  const start = m.index + m[0].indexOf(value);
  return { kind: 'tag', value, start, end: start + value.length };
}

// The marked tags of `text`, into `byPattern` (created on the first one found): a match starts at most
// `within` characters before each place its mark stands, and after the end of the last match.
function findMarkedTags(text: string, byPattern: Finding[][] | null): Finding[][] | null {
  let found = byPattern;
  for (const [char, marked] of MARKED_TAGS) {
    let ends: number[] | null = null;
    for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) {
      const after = text.charCodeAt(at + 1);
      for (let k = 0; k < marked.length; k++) {
        const { index, sticky, within, starts, next } = marked[k] as MarkedTag;
        if (next[after] !== 1) continue;
        for (let start = Math.max(ends?.[k] ?? 0, at - within); start <= at; start++) {
          if (starts[text.charCodeAt(start)] !== 1) continue;
          sticky.lastIndex = start;
          const tag = sticky.exec(text);
          if (tag === null) continue;
          found ??= TAG_PATTERNS.map(() => []);
          found[index]?.push(tagOf(tag));
          ends ??= marked.map(() => 0);
          ends[k] = start + tag[0].length;
          break;
        }
      }
    }
  }
  return found;
}

// The tag findings of `text`, pattern after pattern in TAG_PATTERNS order (as running each in turn gives them).
function pushTags(text: string, prefilter: boolean, out: Finding[]): void {
  if (!prefilter) {
    for (const { pattern } of TAG_PATTERNS) pushMatches(text, pattern, tagOf, out);
    return;
  }
  let byPattern: Finding[][] | null = findMarkedTags(text, null);
  for (const { scan, members } of TAG_GROUPS) {
    scan.lastIndex = 0;
    let match = scan.exec(text);
    if (match === null) continue;
    byPattern ??= TAG_PATTERNS.map(() => []);
    const ends = members.map(() => 0);
    for (; match !== null; match = scan.exec(text)) {
      const at = match.index;
      for (let k = 0; k < members.length; k++) {
        if (at < (ends[k] ?? 0)) continue;
        const { index, sticky } = members[k] as { index: number; sticky: RegExp };
        sticky.lastIndex = at;
        const tag = sticky.exec(text);
        if (tag === null) continue;
        byPattern[index]?.push(tagOf(tag));
        ends[k] = at + tag[0].length;
      }
      scan.lastIndex = at + 1;
    }
  }
  TAG_PATTERNS.forEach(({ pattern }, index) => {
    if (pattern.flags !== 'g') pushMatches(text, pattern, tagOf, out);
    else for (const finding of byPattern?.[index] ?? []) out.push(finding);
  });
}

const blocklistOf = (m: RegExpExecArray): Finding => ({ kind: 'blocklist', value: m[0], start: m.index, end: m.index + m[0].length });

const BLOCKLIST_AT = new RegExp(BLOCKLIST_PATTERN.source, 'yi');

// Word characters as \b reads them (ASCII), by character code: "a", "Z", "0", "_"
const WORD_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) WORD_CHARACTER[code] = /\w/.test(String.fromCharCode(code)) ? 1 : 0;

const isWordCharacter = (code: number): boolean => code < 128 && WORD_CHARACTER[code] === 1;

// The blocklist names of `text`, as running BLOCKLIST_PATTERN over it finds them, with the pattern tried
// only near the gate's pieces: every name holds one (the gate and the pattern both fold the case of ASCII
// letters only), so a name starts at most BLOCKLIST_LONGEST - 1 characters before the first piece at or
// after where the last name ended, at the start of a word. The gate's scan stops at each place a piece
// stands (one character on each time), and the pattern is tried at each start of a word before it.
function pushBlocklists(text: string, out: Finding[]): void {
  let from = 0;
  BLOCKLIST_GATE.lastIndex = 0;
  for (let piece = BLOCKLIST_GATE.exec(text); piece !== null; piece = BLOCKLIST_GATE.exec(text)) {
    const at = piece.index;
    let name: RegExpExecArray | null = null;
    for (let start = Math.max(from, at - BLOCKLIST_LONGEST + 1); start <= at && name === null; start++) {
      if (!isWordCharacter(text.charCodeAt(start)) || (start > 0 && isWordCharacter(text.charCodeAt(start - 1)))) continue;
      BLOCKLIST_AT.lastIndex = start;
      name = BLOCKLIST_AT.exec(text);
    }
    if (name === null) {
      // No name starts at or before this piece.
      from = at + 1;
      BLOCKLIST_GATE.lastIndex = at + 1;
      continue;
    }
    out.push(blocklistOf(name));
    from = name.index + name[0].length;
    BLOCKLIST_GATE.lastIndex = from;
  }
}

/**
 * Every code, tag and blocklist name in `text`, ordered by position. Synchronous, for highlighting as one
 * types. The answer is the same with `prefilter` false (every tag and blocklist pattern runs, for tests).
 */
export function extractCodes(text: string, options: { prefilter?: boolean } = {}): Finding[] {
  const found: Finding[] = [];
  if (options.prefilter === false) pushCodesApart(text, found);
  else pushCodes(text, found);
  pushTags(text, options.prefilter !== false, found);
  if (options.prefilter === false) pushMatches(text, BLOCKLIST_PATTERN, blocklistOf, found);
  else pushBlocklists(text, found);
  return dedupe(found.sort((a, b) => a.start - b.start || b.end - a.end));
}

const enhancedOf = (text: string, m: RegExpExecArray): Finding | null =>
  isEnhancedCode(text, m.index) ? { kind: 'enhanced', value: m[0], start: m.index, end: m.index + m[0].length } : null;

const replyOf = (text: string, m: RegExpExecArray): Finding | null =>
  isReplyCode(text, m.index, m.index + 3) ? { kind: 'reply', value: m[0], start: m.index, end: m.index + 3 } : null;

// The status and reply codes of `text`, each pattern run over it in turn (the reference for pushCodes).
function pushCodesApart(text: string, out: Finding[]): void {
  pushMatches(text, ENHANCED, (m) => enhancedOf(text, m), out);
  const enhancedAt = new Set(out.map((f) => f.start));
  pushMatches(text, REPLY, (m) => (enhancedAt.has(m.index) ? null : replyOf(text, m)), out);
}

// ENHANCED and REPLY as one pattern: both start with 2, 4 or 5, so one scan stops where either may
// stand; the characters before the first digit that both refuse are tested once, then each its own
// ("-." and ":." look back over the first digit, matched by "."). "5.1.1" and "550" never overlap (a
// reply may not follow a word character or "." and is not followed by "."; a status code's second
// character is "."), so the scan finds each pattern's matches, as running it alone does.
// "550 5.1.1" -> "550", "5.1.1"; "#5.7.1", "421-", "(5.2.2)"; not "10.4.5.1", "1550" or "12:550"
const CODE =
  /(?<![\w.@/$])[245](?:(?<![^\s\d]-.|:.)\.[0-7]\.\d{1,3}(?![\w@/-]|\.\d)|(?<![+=-].|\d:.)[0-5]\d(?=[ \t]|-[ \t]?['"]?[245a-zA-Z]|\r|\n|$|[;:,](?:[ \t]|\r|\n|$)|[\]})'"](?:[ \t]|[.,;]|\r|\n|$)))/g;

// The status and reply codes of `text`, as pushCodesApart finds them, in one scan.
function pushCodes(text: string, out: Finding[]): void {
  pushMatches(text, CODE, (m) => (m[0].length > 3 ? enhancedOf(text, m) : replyOf(text, m)), out);
}

/**
 * The findings of `text.slice(0, length)`, taken from `findings` (those of the whole `text`) when an empty
 * line ("\n\n") follows there, else null. No code, tag or name spans a line break, and nothing after the
 * end of its line changes whether one counts, so the head alone has exactly the findings that start in it.
 */
export function findingsBefore(text: string, findings: readonly Finding[], length: number): Finding[] | null {
  if (!text.startsWith('\n\n', length)) return null;
  return findings.filter((finding) => finding.start < length);
}

/**
 * The findings of `part`, taken from `findings` (those of `text`), when `part` stands in `text` as whole
 * lines: at its start or after a line break, and ending with a line break or followed by one or by the
 * end; else null. No code, tag or name spans a line break, and nothing before the start of its line or
 * after its end changes whether one counts, so the part alone has exactly that stretch's findings.
 */
export function findingsOfLines(text: string, findings: readonly Finding[], part: string): Finding[] | null {
  if (part === '') return [];
  const at = text.indexOf(part);
  const end = at + part.length;
  if (at < 0 || (at > 0 && text[at - 1] !== '\n') || !(part.endsWith('\n') || end === text.length || text[end] === '\n')) return null;
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.start >= at && finding.start < end) out.push({ ...finding, start: finding.start - at, end: finding.end - at });
  }
  return out;
}

/**
 * The findings of the stretches `spans` ([start, end) pairs, in order) of `text` joined by line breaks
 * ("\n"), taken from `findings` (those of `text`), when each stretch is whole lines of `text` (it starts
 * at the start of `text` or after a line break, and ends at a line break or the end); else null. As in
 * findingsOfLines, each stretch keeps its own findings, moved: it meets the next at a line break.
 */
export function findingsOfSpans(text: string, findings: readonly Finding[], spans: readonly (readonly [number, number])[]): Finding[] | null {
  const out: Finding[] = [];
  let offset = 0;
  let next = 0;
  for (const [start, end] of spans) {
    if (start < 0 || end < start || end > text.length || (start > 0 && text[start - 1] !== '\n') || (end < text.length && text[end] !== '\n')) return null;
    while (next < findings.length && (findings[next]?.start ?? 0) < start) next++;
    for (let i = next; i < findings.length; i++) {
      const finding = findings[i] as Finding;
      if (finding.start >= end) break;
      out.push(moved(finding, offset - start));
    }
    offset += end - start + 1;
  }
  return out;
}

/**
 * The findings of `block`, a text whose later lines usually stand as whole lines of `text` (an address's
 * paragraph, which starts where the address is named): its first line is read with `read`, and the rest
 * takes its findings from `findings` (those of `text`) where it stands in `text` as whole lines, else
 * line by line (each line read with `read` when it does not stand so). No code, tag or name spans a line
 * break and nothing outside its line changes whether one counts, so each line keeps its own findings.
 */
export function findingsOfBlock(text: string, findings: readonly Finding[], block: string, read: (line: string) => readonly Finding[]): Finding[] {
  const lineEnd = block.indexOf('\n');
  if (lineEnd < 0) return [...read(block)];
  const rest = block.slice(lineEnd + 1);
  const parts = [block.slice(0, lineEnd)];
  const found: (readonly Finding[])[] = [read(parts[0] ?? '')];
  const whole = findingsOfLines(text, findings, rest);
  if (whole !== null) {
    parts.push(rest);
    found.push(whole);
  } else {
    for (const line of rest.split('\n')) {
      parts.push(line);
      found.push(findingsOfLines(text, findings, line) ?? read(line));
    }
  }
  return joinMoved(parts, found, 1);
}

/**
 * The findings of `parts` joined by empty lines ("\n\n"), from the findings of each part alone: each part
 * meets the next at a line break, so (as in findingsOfLines) each keeps its own findings, moved.
 */
export function joinFindings(parts: readonly string[], findings: readonly (readonly Finding[])[]): Finding[] {
  return joinMoved(parts, findings, 2);
}

// `finding` moved by `shift` characters (itself when the shift is 0).
function moved(finding: Finding, shift: number): Finding {
  return shift === 0 ? finding : { ...finding, start: finding.start + shift, end: finding.end + shift };
}

// The findings of `parts` joined by a separator of `separator` characters, from each part's own, moved.
function joinMoved(parts: readonly string[], findings: readonly (readonly Finding[])[], separator: number): Finding[] {
  const out: Finding[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    for (const finding of findings[i] ?? []) out.push(moved(finding, offset));
    offset += part.length + separator;
  });
  return out;
}

// Drops findings nested inside an earlier one (a tag inside a blocklist name, a shorter name inside a longer one).
function dedupe(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  let reach = -1;
  for (const finding of sorted) {
    if (finding.start < reach && finding.kind !== 'enhanced' && finding.kind !== 'reply') continue;
    out.push(finding);
    reach = Math.max(reach, finding.end);
  }
  return out;
}
