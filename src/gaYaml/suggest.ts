// "Did you mean": the candidate nearest to what was written, when one is near enough to be a slip of the keyboard.

/** Edit distance (insertions, deletions, substitutions, and swapping two neighbours) between two short strings. */
export function editDistance(a: string, b: string): number {
  // Three rows of the table are enough: the current one, the one above, and the one above that (for swaps).
  let before = new Uint16Array(b.length + 1);
  let above = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
    }
    [before, above, row] = [above, row, before];
  }
  return above[b.length];
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
