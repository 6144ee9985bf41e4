// The performance budget, checked after `npm run build` in `npm test`: every prerendered entry and code
// page may load at most 100 KB (102,400 bytes) of gzip JavaScript before it is interactive, and none of
// them may load search (fuse.js, the search chunk, data/search.json) or the diagnosis engine (postal-mime,
// the diagnose chunk or worker, data/diagnosis.json) up front. Exits 1 naming each page and its figures.
import { rmSync } from 'node:fs';
import {
  BUDGET_BYTES,
  ON_DEMAND_CHUNKS,
  ON_DEMAND_DATA,
  ON_DEMAND_PACKAGES,
  attributePackages,
  buildWithSourceMaps,
  measurePage,
  pagesOfKind,
  type PageScripts,
} from './bench-site.ts';

const problems: string[] = [];
const pages: PageScripts[] = [];
for (const kind of ['entry', 'code'] as const) {
  const found = pagesOfKind(kind);
  if (found.length === 0) problems.push(`dist/: no prerendered ${kind} pages found (run npm run build first)`);
  for (const page of found) pages.push(measurePage(kind, page));
}

// Pages of a kind load the same chunks; tell packages apart once per distinct set of chunks.
const mapsDir = buildWithSourceMaps();
const packagesBySet = new Map<string, string[]>();
try {
  for (const page of pages) {
    const ids = page.chunks.map((chunk) => chunk.id);
    const key = [...ids].sort().join('\n');
    if (!packagesBySet.has(key)) packagesBySet.set(key, [...attributePackages(mapsDir, ids).keys()]);
  }
} finally {
  rmSync(mapsDir, { recursive: true, force: true });
}

for (const page of pages) {
  const where = `dist/${page.page}`;
  if (page.gzip > BUDGET_BYTES) {
    const pieces = page.chunks.map((chunk) => `${chunk.id} ${String(chunk.gzip)}`).join(', ');
    problems.push(`${where}: ${String(page.gzip)} bytes of gzip JavaScript before interactive, over the budget of ${String(BUDGET_BYTES)} (${pieces})`);
  }
  const chunks = page.chunks.filter((chunk) => ON_DEMAND_CHUNKS.some((pattern) => pattern.test(chunk.id))).map((chunk) => chunk.id);
  const packages = (packagesBySet.get(page.chunks.map((chunk) => chunk.id).sort().join('\n')) ?? []).filter((name) =>
    ON_DEMAND_PACKAGES.some((wanted) => name === wanted || name.startsWith(`${wanted}/`)),
  );
  const data = page.preloadedData.filter((file) => ON_DEMAND_DATA.some((pattern) => pattern.test(file)));
  const loaded = [...chunks, ...packages, ...data];
  if (loaded.length > 0) problems.push(`${where}: loads search or the diagnosis engine before it is needed: ${loaded.join(', ')}`);
}

const largest = (kind: string): PageScripts | undefined =>
  pages.filter((page) => page.kind === kind).sort((a, b) => b.gzip - a.gzip)[0];
for (const kind of ['entry', 'code']) {
  const page = largest(kind);
  if (page) console.log(`budget: ${kind} pages load at most ${String(page.gzip)} of ${String(BUDGET_BYTES)} bytes of gzip JavaScript (dist/${page.page})`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`budget: ${String(problems.length)} problem(s)`);
  process.exit(1);
}
console.log(`budget: ${String(pages.length)} entry and code pages within budget; none loads search or the diagnosis engine up front`);
