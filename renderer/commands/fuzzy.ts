/**
 * Fuzzy matching for quick open and the command palette: every character of
 * the query in order, scored so that consecutive runs, word starts and early
 * matches come first ("ksd" finds "KubeCon San Diego").
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    const at = t.indexOf(char, from);
    if (at === -1) return null;
    const wordStart = at === 0 || /[\s/_\-.@]/.test(t[at - 1]!);
    score += 1 + (at === previous + 1 ? 3 : 0) + (wordStart ? 2 : 0) - Math.min(at - from, 10) * 0.1;
    previous = at;
    from = at + 1;
  }
  // A plain substring beats a scattered match of the same letters.
  if (t.includes(query.toLowerCase().trim())) score += q.length * 2;
  return score - t.length * 0.001;
}

/** The items that match, best first (ties keep their order). */
export function fuzzyFilter<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
  if (query.trim() === '') return [...items];
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best: number | null = null;
    for (const text of texts(item)) {
      const score = fuzzyScore(query, text);
      if (score !== null && (best === null || score > best)) best = score;
    }
    if (best !== null) scored.push({ item, score: best, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.item);
}
