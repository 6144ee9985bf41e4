// Validation of the scored diagnosis on both real-bounce corpora: the plain agreement with the expected
// reasons, per server kind, and the leave-one-kind-out figure. Weights are set by hand (reason-weights.ts);
// what is fitted to the corpora are the project's own wordings, so for each kind every project term whose
// only support in the corpora is that kind's files counts as derived from it and is left out while that
// kind is scored. Sisimai's lists and the catalogue are not fitted. Last, one answer end to end: every
// catalogue text is put in a plain delivery report (no refused command named) and the engine's reason is
// compared with the entry's label, exactly and by family. Run: npm run validate
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/lib/bounce/decode-bytes.ts';
import { diagnoseBounce } from '../src/lib/bounce/diagnose.ts';
import { compileLexicon, DEFAULT_LEXICON, LEXICON_TERMS, normalizeText } from '../src/lib/bounce/reason-lexicon.ts';
import type { Lexicon } from '../src/lib/bounce/reason-lexicon.ts';
import type { MatchableEntry } from '../src/lib/bounce/types.ts';
import { REASON_FAMILY } from '../src/lib/content/vocabulary.ts';
import type { Reason } from '../src/lib/content/vocabulary.ts';

type Row = { file: string; agent: string; reason: Reason };
type Sample = Row & { kind: string; text: string };

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const CORPORA = [
  { name: 'bounces', dir: path.resolve(root, '../shared/bounces') },
  { name: 'bounces-more', dir: path.resolve(root, '../shared/bounces-more') },
];
const catalogue = JSON.parse(readFileSync(path.join(root, 'src/generated/match.json'), 'utf8')) as MatchableEntry[];

function loadCorpus(dir: string): Sample[] {
  return readFileSync(path.join(dir, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row)
    .map((row) => {
      const decoded = decodeBytes(readFileSync(path.join(dir, row.file)));
      return { ...row, kind: row.agent, text: decoded.ok ? decoded.text : '' };
    });
}

/** For each project term, the kinds (of both corpora) whose files it matches. */
function termSupport(samples: readonly Sample[]): Map<string, Set<string>> {
  const support = new Map<string, Set<string>>();
  const compiled = LEXICON_TERMS.filter((term) => term.source === 'project').map((term) => ({ term, pattern: new RegExp(term.pattern) }));
  const normalized = samples.map((sample) => ({ kind: sample.kind, text: normalizeText(sample.text).text }));
  for (const { term, pattern } of compiled) {
    const kinds = new Set<string>();
    for (const sample of normalized) if (!kinds.has(sample.kind) && pattern.test(sample.text)) kinds.add(sample.kind);
    support.set(term.id, kinds);
  }
  return support;
}

async function verdicts(samples: readonly Sample[], lexicon: Lexicon): Promise<Reason[]> {
  const out: Reason[] = [];
  for (const sample of samples) out.push((await diagnoseBounce(sample.text, catalogue, { lexicon })).reason);
  return out;
}

const pct = (n: number, d: number): string => `${(d === 0 ? 0 : (100 * n) / d).toFixed(1)}% (${String(n)}/${String(d)})`;

const corpora = CORPORA.map((corpus) => ({ ...corpus, samples: loadCorpus(corpus.dir).map((s) => ({ ...s, kind: `${corpus.name}:${s.agent}` })) }));
const all = corpora.flatMap((corpus) => corpus.samples);
const support = termSupport(all);
const started = performance.now();
let plainMs = 0;
for (const corpus of corpora) {
  const plainStarted = performance.now();
  const plain = await verdicts(corpus.samples, DEFAULT_LEXICON);
  plainMs += performance.now() - plainStarted;
  const kinds = [...new Set(corpus.samples.map((s) => s.kind))].sort();
  let plainHits = 0;
  let familyHits = 0;
  let lokoHits = 0;
  const rows: string[] = [];
  for (const kind of kinds) {
    const indexes = corpus.samples.flatMap((s, i) => (s.kind === kind ? [i] : []));
    const samples = indexes.map((i) => corpus.samples[i]).filter((s): s is Sample => s !== undefined);
    const held = LEXICON_TERMS.filter((term) => term.source !== 'project' || !isOnly(support.get(term.id), kind));
    const dropped = LEXICON_TERMS.length - held.length;
    const loko = dropped === 0 ? indexes.map((i) => plain[i]) : await verdicts(samples, compileLexicon(held));
    const p = samples.filter((s, j) => plain[indexes[j] ?? -1] === s.reason).length;
    const f = samples.filter((s, j) => REASON_FAMILY[plain[indexes[j] ?? -1] ?? 'undefined'] === REASON_FAMILY[s.reason]).length;
    const l = samples.filter((s, j) => loko[j] === s.reason).length;
    plainHits += p;
    familyHits += f;
    lokoHits += l;
    rows.push(`  ${kind.padEnd(40)} plain ${pct(p, samples.length).padEnd(16)} loko ${pct(l, samples.length).padEnd(16)} terms left out ${String(dropped)}`);
  }
  console.log(`${corpus.name}: reason ${pct(plainHits, corpus.samples.length)}, family ${pct(familyHits, corpus.samples.length)}, leave-one-kind-out ${pct(lokoHits, corpus.samples.length)}`);
  if (process.argv.includes('--kinds')) console.log(rows.join('\n'));
}
console.log(`plain pass: ${(all.length / (plainMs / 1000)).toFixed(0)} emails/s in process (${String(all.length)} emails); whole run ${((performance.now() - started) / 1000).toFixed(1)} s`);

// One catalogue text as a remote server's reply inside a plain RFC 3464 report: what a pasted bounce
// holding that text looks like when the notice names no refused command.
function reportHolding(reply: string, status: string): string {
  return [
    'From: MAILER-DAEMON@mail.example.net (Mail Delivery System)',
    'To: sender@example.net',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered to one or more recipients.',
    '',
    `<recipient@example.org>: host mx1.example.org[192.0.2.25] said: ${reply}`,
    '',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.example.net',
    '',
    'Final-Recipient: rfc822; recipient@example.org',
    'Action: failed',
    `Status: ${status}`,
    'Remote-MTA: dns; mx1.example.org',
    `Diagnostic-Code: smtp; ${reply}`,
    '',
    '--B--',
    '',
  ].join('\n');
}

async function catalogueAgreement(): Promise<{ texts: number; exact: number; family: number; differing: string[] }> {
  let texts = 0;
  let exact = 0;
  let family = 0;
  const differing: string[] = [];
  for (const entry of catalogue) {
    for (const text of entry.texts) {
      const enhanced = entry.enhanced !== null && !entry.enhanced.includes('-') ? `${entry.enhanced} ` : '';
      const reply = /^[245]\d\d[ -]/.test(text) ? text : `${entry.reply ?? '550'} ${enhanced}${text}`;
      const status = /\b[245]\.\d\.\d{1,3}\b/.exec(reply)?.[0] ?? (reply.startsWith('4') ? '4.0.0' : '5.0.0');
      const reason = (await diagnoseBounce(reportHolding(reply, status), catalogue)).reason;
      texts += 1;
      if (reason === entry.reason) exact += 1;
      if (REASON_FAMILY[reason] === REASON_FAMILY[entry.reason]) family += 1;
      else differing.push(`  ${entry.id}: ${entry.reason} in the catalogue, ${reason} in a report`);
    }
  }
  return { texts, exact, family, differing };
}

const agreement = await catalogueAgreement();
console.log(`catalogue texts in a delivery report: same reason ${pct(agreement.exact, agreement.texts)}, same family ${pct(agreement.family, agreement.texts)}`);
if (process.argv.includes('--differing')) console.log(agreement.differing.join('\n'));

function isOnly(kinds: Set<string> | undefined, kind: string): boolean {
  return kinds !== undefined && kinds.size === 1 && kinds.has(kind);
}
