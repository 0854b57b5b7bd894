// "Did you mean": the candidate nearest to what was written, when one is near enough to be a slip of the keyboard.

/** Edit distance (insertions, deletions, substitutions, and swapping two neighbours) between two short strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The nearest candidate (case differences cost nothing), if it is within a third of the word's length (at most
 * 3). Words of one or two characters ("4" for a spec) match only up to case: any guess would be a guess.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const w = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === w);
  if (exact !== undefined) return exact;
  const limit = Math.min(3, w.length < 3 ? 0 : Math.max(1, Math.floor(w.length / 3)));
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const dist = editDistance(w, c.toLowerCase());
    if (dist > 0 && dist <= limit && (!best || dist < best.d)) best = { c, d: dist };
  }
  return best?.c;
}
