// The forms of one word that search treats as the same: "bounces", "bounced" and "bouncing" all say
// "bounce", and "gmial" is "gmail" with two letters swapped. A light suffix stemmer (in the spirit of
// Porter's, far smaller) runs on both the index and the query, so only its consistency matters, not
// whether a stem is a real word. Codes, tags and domains (anything with a digit or a dot) are left alone.

/** Words the stemmer leaves as they are: too short, or with digits or dots ("g17", "5.7.1", "gmx.de"). */
const STEMMABLE = /^[a-z\u00df-\u00ff]{4,}$/;
/** Endings that take "es" in the plural: "boxes", "addresses", "patches". */
const SIBILANT_PLURAL = /(?:s|x|z|ch|sh)es$/;
/** A run of vowels followed by a consonant, one per syllable of a stem: "de-f", "err" in "deferr". */
const VOWEL_THEN_CONSONANT = /[aeiouy]+[^aeiouy]/g;
/** A doubled final consonant left by a suffix: "stopped" -> "stopp" -> "stop" (not "full", "pass", "buzz"). */
const DOUBLED = /([b-df-hj-km-np-rtv-y])\1$/;

/** The stem of a word: "bounces", "bounced", "bouncing" -> "bounc"; "failure", "failed" -> "fail". */
export function stem(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  let base = word;
  if (base.endsWith('ies') && base.length > 4) base = `${base.slice(0, -3)}y`;
  else if (SIBILANT_PLURAL.test(base)) base = base.slice(0, -2);
  else if (base.endsWith('s') && !/(?:ss|us|is)$/.test(base)) base = base.slice(0, -1);
  if (base.endsWith('ing') && base.length >= 6) base = base.slice(0, -3);
  else if (base.endsWith('ed') && base.length >= 5) base = base.slice(0, -2);
  else if (base.endsWith('ure') && base.length >= 6) base = base.slice(0, -3);
  // "-al" after a stem of two or more syllables: "deferral" -> "deferr", "removal" -> "remov"; not "email", "signal".
  if (base.endsWith('al') && syllables(base.slice(0, -2)) >= 2) base = base.slice(0, -2);
  if (DOUBLED.test(base)) base = base.slice(0, -1);
  if (base.endsWith('e') && base.length >= 4) base = base.slice(0, -1);
  return base;
}

/** Porter's measure of a stem: how many times a vowel is followed by a consonant ("remov" 2, "sign" 1). */
function syllables(stem: string): number {
  return (stem.match(VOWEL_THEN_CONSONANT) ?? []).length;
}

/** Each spelling of a word with two neighbouring letters swapped, the commonest typo: "gmial" -> "gmail", ... */
export function swapNeighbours(word: string): string[] {
  const swapped: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    swapped.push(`${word.slice(0, i)}${word[i + 1] ?? ''}${word[i] ?? ''}${word.slice(i + 2)}`);
  }
  return swapped;
}
