// The content as a whole: every file passes the schema and every cross-reference resolves, the seed's 30
// bounce messages are in the catalogue with their exact texts and codes, and a broken reference stops the
// content step with the file and the field named (the step runs before dev, build and test).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentStep } from '../../scripts/build-content.ts';
import { buildContent } from '../../src/lib/content/build.ts';
import { readContentFiles } from '../../scripts/build-content.ts';
import { packDiagnosisData, unpackDiagnosisData } from '../../src/lib/content/diagnosis-data.ts';
import type { StoredDiagnosisData } from '../../src/lib/content/diagnosis-data.ts';

type SeedRow = { text: string; reply: string | null; enhanced: string | null; tag: string | null };
const seedRows = JSON.parse(readFileSync('tests/fixtures/seed-rows.json', 'utf8')) as SeedRow[];
const registries = {
  replyCsv: readFileSync('content/registry/reply-codes.csv', 'utf8'),
  enhancedCsv: readFileSync('content/registry/enhanced-status-codes.csv', 'utf8'),
};
const result = buildContent(readContentFiles(path.resolve('content')), registries);

describe('the content folder', () => {
  it('validates with no problems', () => {
    expect(result.errors).toEqual([]);
  });

  it('holds all 30 seed rows under rackspace with their exact literal texts and codes', () => {
    expect(seedRows).toHaveLength(30);
    const entries = result.output?.entries ?? [];
    for (const row of seedRows) {
      const entry = entries.find((candidate) => candidate.provider === 'rackspace' && candidate.texts.includes(row.text));
      expect(entry, row.text).toBeDefined();
      if (!entry) continue;
      if (row.enhanced) expect(entry.enhanced, row.text).toBe(row.enhanced);
      if (row.reply) expect(entry.reply, row.text).toBe(row.reply);
      if (row.tag) expect(entry.tag, row.text).toBe(row.tag);
    }
  });

  it('gives the near-twins G1A/G1B and G8/G9 entries of their own', () => {
    const byTag = (tag: string) => result.output?.entries.filter((entry) => entry.tag === tag).map((entry) => entry.id) ?? [];
    for (const tag of ['G1A', 'G1B', 'G8', 'G9']) expect(byTag(tag), tag).toHaveLength(1);
    expect(byTag('G1A')[0]).not.toBe(byTag('G1B')[0]);
  });

  it('derives temporary or permanent from the code', () => {
    for (const entry of result.output?.entries ?? []) {
      const code = entry.reply ?? entry.enhanced;
      if (code) expect(entry.permanent, entry.id).toBe(code.startsWith('5'));
    }
  });

  it('has a page for every registered reply code and every 4.y.z and 5.y.z of the registry', () => {
    const codes = new Set(result.output?.codes.map((page) => page.code));
    for (const code of ['550', '421', '521', '556', '5.7.1', '4.7.1', '5.1.1', '5.7.30', '5.x.x', 'x.7.x']) expect(codes.has(code), code).toBe(true);
  });

  it('lists each article on the pages of the entries that link to it, and back', () => {
    const articles = new Map(result.output?.articles.map((page) => [page.slug, page]));
    for (const entry of result.output?.entries ?? []) {
      for (const article of entry.articles) {
        expect(articles.get(article.slug)?.entries.some((linked) => linked.id === entry.id), `${entry.id} -> ${article.slug}`).toBe(true);
      }
    }
  });
});

describe('buildContent', () => {
  const entry = (fields: string): string => `---
title: Test entry
summary: A test.
texts:
  - 550 5.1.1 No such user here
reply: "550"
enhanced: 5.1.1
tag: null
reason: userunknown
origin: recipient-side
actors: [sender]
steps:
  sender: [Check the address.]
confirm: It arrives.
articles: []
${fields}
---
Body.
`;
  const provider = { path: 'content/providers/generic.md', source: '---\nname: Any\nsummary: Any server.\n---\n' };

  it('names the file and the field of every schema problem, all at once', () => {
    const { errors } = buildContent(
      [
        provider,
        { path: 'content/bounces/generic/a.md', source: entry('').replace('reason: userunknown', 'reason: usrunknown') },
        { path: 'content/bounces/generic/b.md', source: entry('').replace('2', '2').replace('title: Test entry\n', '') },
      ],
      registries,
    );
    expect(errors).toContainEqual(expect.stringMatching(/^content\/bounces\/generic\/a\.md: reason: /));
    expect(errors).toContainEqual(expect.stringMatching(/^content\/bounces\/generic\/b\.md: title: /));
  });

  it('refuses two entries claiming the same literal text', () => {
    const { errors } = buildContent(
      [provider, { path: 'content/bounces/generic/a.md', source: entry('') }, { path: 'content/bounces/generic/b.md', source: entry('') }],
      registries,
    );
    expect(errors).toEqual(['content/bounces/generic/b.md: texts[0]: the same literal text is already claimed by content/bounces/generic/a.md']);
  });

  it('refuses a typed permanence where the code decides it, and a class that disagrees with the reply code', () => {
    const { errors } = buildContent(
      [provider, { path: 'content/bounces/generic/a.md', source: entry('permanence: temporary').replace('enhanced: 5.1.1', 'enhanced: 4.1.1') }],
      registries,
    );
    expect(errors).toContain('content/bounces/generic/a.md: permanence: derived from the code; remove this field');
    expect(errors).toContain('content/bounces/generic/a.md: enhanced: class 4 does not agree with reply code 550');
  });

  it('refuses steps for an audience that is not among the actors', () => {
    const { errors } = buildContent(
      [provider, { path: 'content/bounces/generic/a.md', source: entry('').replace('  sender: [Check the address.]', '  sender: [Check.]\n  recipient: [Wait.]') }],
      registries,
    );
    expect(errors).toContain('content/bounces/generic/a.md: steps.recipient: "recipient" is not listed in actors');
  });

  it('refuses dead internal links in Markdown', () => {
    const { errors } = buildContent([provider, { path: 'content/bounces/generic/a.md', source: `${entry('')}\nSee [the guide](/articles/nope).` }], registries);
    expect(errors).toEqual([expect.stringMatching(/^content\/bounces\/generic\/a\.md: body: link "\/articles\/nope" goes to no page/)]);
  });
});

describe('the content step', () => {
  it('fails the build on a broken article reference, naming the file and the field', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-content-'));
    cpSync('content', copy, { recursive: true });
    const file = path.join(copy, 'bounces', 'rackspace', 'g17-message-too-large.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/articles: \[message-size-limits[^\]]*\]/, 'articles: [mesage-size-limits]'));
    expect(runContentStep(copy, null).errors).toContain(
      'content/bounces/rackspace/g17-message-too-large.md: articles[0]: no article "mesage-size-limits" (did you mean message-size-limits?)',
    );
    const run = spawnSync('npx', ['tsx', 'scripts/build-content.ts', copy, '--check'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/bounces/rackspace/g17-message-too-large.md: articles[0]: no article "mesage-size-limits"');
  });
});

describe('the paste box data as stored (/data/diagnosis.json)', () => {
  const diagnosis = result.output?.diagnosis;

  it('reads back to exactly the data the content step derived', () => {
    expect(diagnosis).toBeDefined();
    if (!diagnosis) return;
    const stored = JSON.parse(JSON.stringify(packDiagnosisData(diagnosis))) as StoredDiagnosisData;
    expect(unpackDiagnosisData(stored)).toEqual(diagnosis);
  });

  it('leaves out each entry id and address, and each code address, that its key gives', () => {
    if (!diagnosis) return;
    const stored = packDiagnosisData(diagnosis);
    const [key, entry] = Object.entries(stored.entries)[0] ?? [];
    expect(key).toBeDefined();
    expect(entry).not.toHaveProperty('id');
    expect(entry).not.toHaveProperty('url');
    expect(Object.values(stored.codes)[0]).not.toHaveProperty('url');
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(diagnosis).length - 40_000);
  });

  it('refuses, naming the entry, an entry whose address does not follow from its key', () => {
    if (!diagnosis) return;
    const [key, entry] = Object.entries(diagnosis.entries)[0] ?? [];
    if (key === undefined || entry === undefined) throw new Error('no entry');
    const moved = { ...diagnosis, entries: { ...diagnosis.entries, [key]: { ...entry, url: '/elsewhere' } } };
    expect(() => packDiagnosisData(moved)).toThrow(`entry "${key}"`);
  });

  it('is the form the content step writes', () => {
    const written = JSON.parse(readFileSync('public/data/diagnosis.json', 'utf8')) as StoredDiagnosisData;
    expect(Object.values(written.entries)[0]).not.toHaveProperty('url');
    expect(Object.keys(written.entries)).toEqual(Object.keys(diagnosis?.entries ?? {}));
  });
});
