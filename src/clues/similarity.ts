// Duplicate reports of one matter: texts are normalised (full-width → half-width, case, punctuation and
// spaces removed) and compared by the Dice coefficient of their character bigrams, which suits Chinese,
// where words are not separated: "反映某店占道经营" and "某店长期占道经营，反映多次" share most bigrams.

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of the bigram multisets of the normalised texts: 1 identical, 0 nothing shared. */
export function similarity(a: string, b: string): number {
  const na = normaliseText(a);
  const nb = normaliseText(b);
  if (na === nb) return na.length > 0 ? 1 : 0;
  if (na.length < 2 || nb.length < 2) return 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (na.length - 1 + nb.length - 1);
}

/** How many web links a text holds (the portal refuses link-stuffed reports). */
export function urlCount(text: string): number {
  return (text.match(/(https?:\/\/|www\.)[^\s]+/gi) ?? []).length;
}
