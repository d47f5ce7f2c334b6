// npm run eval:followup — the analysis measured against the labelled set under data/followup/eval/:
// answer texts and call transcripts written the way people talk (negations, dialect-flavoured
// phrasing, chatter), each labelled by hand with its satisfaction and complaint categories. Prints
// the share of texts whose category set is exactly right, the share whose satisfaction is right, and
// precision and recall per category; exits 3 when either share is below 90 %.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { analyzeText } from './analyze.ts';
import { CATEGORIES, CATEGORY_CODES, isCategory, type Category, type Satisfaction } from './categories.ts';

const DIR = fileURLToPath(new URL('../../data/followup/eval/', import.meta.url));
const LEVEL: Record<string, Satisfaction> = { s: 'satisfied', n: 'neutral', d: 'dissatisfied' };

export interface LabelledText {
  file: string;
  line: number;
  satisfaction: Satisfaction;
  categories: Category[];
  text: string;
}

export function readEvalSet(dir = DIR): LabelledText[] {
  const out: LabelledText[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((l, i) => {
        if (!l.trim() || l.startsWith('#')) return;
        const [s, cats, text] = l.split('\t');
        const categories = cats === '-' ? [] : cats.split(',');
        if (!LEVEL[s] || !text || !categories.every(isCategory)) throw new Error(`${file} 第${i + 1}行格式有误`);
        out.push({ file, line: i + 1, satisfaction: LEVEL[s], categories: categories as Category[], text });
      });
  }
  return out;
}

export interface EvalResult {
  texts: number;
  categoryAccuracy: number;
  satisfactionAccuracy: number;
  perCategory: { code: Category; label: string; truth: number; found: number; correct: number }[];
  misses: { at: string; text: string; expected: string; got: string }[];
}

export function evaluate(set: LabelledText[], on = '2025-06-30'): EvalResult {
  let catOk = 0;
  let satOk = 0;
  const per = new Map(CATEGORY_CODES.map((c) => [c, { truth: 0, found: 0, correct: 0 }]));
  const misses: EvalResult['misses'] = [];
  for (const t of set) {
    const a = analyzeText(t.text, on);
    const want = [...t.categories].sort().join(',');
    const got = [...a.categories].sort().join(',');
    if (want === got) catOk++;
    if (a.satisfaction === t.satisfaction) satOk++;
    for (const c of t.categories) per.get(c)!.truth++;
    for (const c of a.categories) {
      per.get(c)!.found++;
      if (t.categories.includes(c)) per.get(c)!.correct++;
    }
    if (want !== got || a.satisfaction !== t.satisfaction) {
      misses.push({
        at: `${t.file}:${t.line}`,
        text: t.text,
        expected: `${t.satisfaction} ${want || '-'}`,
        got: `${a.satisfaction} ${got || '-'}`,
      });
    }
  }
  return {
    texts: set.length,
    categoryAccuracy: catOk / set.length,
    satisfactionAccuracy: satOk / set.length,
    perCategory: CATEGORY_CODES.map((code) => ({ code, label: CATEGORIES[code].label, ...per.get(code)! })),
    misses,
  };
}
