// "Did you mean" hints for broken references in content errors, by edit distance (Levenshtein):
// `articles[1]: no article "mx-recrods" (did you mean mx-records?)`.

/** Edit distance between two strings: insertions, deletions and substitutions each count one. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/** " (did you mean X?)" for the closest candidate when it is close enough, else "". */
export function suggest(value: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best && bestDistance <= Math.max(2, value.length / 3) ? ` (did you mean ${best}?)` : '';
}
