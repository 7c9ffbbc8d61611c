/** A path as written in a sentence, unless it holds characters that would garble it (newlines, commas, quotes…): then JSON-quoted. */
export function displayPath(path: string): string {
  return /^[^\s,"\\\p{Cc}]*( [^\s,"\\\p{Cc}]+)*$/u.test(path) ? path : JSON.stringify(path);
}
