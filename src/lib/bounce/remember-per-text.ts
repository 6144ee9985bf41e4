// A reading of a text remembered for one diagnosis, which asks the same question of the same texts
// several times (the body once per recipient, a reply and its lines). Texts are kept in a short list
// compared with ===, not a map: a map hashes every new text whole (the raw email included), where ===
// tells texts of different lengths apart at once.

/**
 * `read` remembered per text; `known` answers only from memory, `remember` stores an answer found another
 * way (unless one is known). An answer is never undefined.
 */
export type PerText<T> = ((text: string) => T) & {
  known: (text: string) => T | undefined;
  remember: (text: string, value: T) => void;
};

export function rememberPerText<T>(read: (text: string) => T): PerText<T> {
  const texts: string[] = [];
  const values: T[] = [];
  const known = (text: string): T | undefined => {
    for (let i = 0; i < texts.length; i++) if (texts[i] === text) return values[i];
    return undefined;
  };
  const remember = (text: string, value: T): void => {
    if (texts.includes(text)) return;
    texts.push(text);
    values.push(value);
  };
  const recall = (text: string): T => {
    const knownValue = known(text);
    if (knownValue !== undefined) return knownValue;
    const value = read(text);
    texts.push(text);
    values.push(value);
    return value;
  };
  return Object.assign(recall, { known, remember });
}
