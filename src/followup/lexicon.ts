// The maintained lexicon of follow-up analysis (data/followup/lexicon.tsv): complaint cues per
// category, satisfaction cues, praise, "nobody came", and masks. Loaded once per process; its version
// (a digest of the file) is stored with every analysis, so answers analysed under an older lexicon can
// be found and analysed again (`kedu followup analyze --all`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Segmenter } from '../text/segment.ts';

const FILE = fileURLToPath(new URL('../../data/followup/lexicon.tsv', import.meta.url));

export interface Cue {
  category: string;
  /** word and neg cues: the text. */
  text: string;
  /** re cues. */
  pattern: RegExp | null;
  /** neg and re cues carry their own negation (没亮证): only a denial turns them off. */
  selfNegative: boolean;
  /** Must also appear in the sentence or the turn. */
  context: RegExp | null;
}

export interface Lexicon {
  version: string;
  /** Longest first: a longer cue wins over the cues inside it (不满意 over 满意). */
  cues: Cue[];
  segmenter: Segmenter;
}

const CATEGORY_NAMES = /^(bribery|rude|no_id|rights|repeat|heavy_fine|procedure|fake_service|praise|nobody_came|mask|sat[+-]?[0-2])$/;

export function parseLexicon(text: string): Cue[] {
  const cues: Cue[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [category, how, cue, context] = line.split('\t');
    if (!CATEGORY_NAMES.test(category ?? '') || !['word', 'neg', 're'].includes(how) || !cue) {
      throw new Error(`data/followup/lexicon.tsv 第${i + 1}行格式有误：${line}`);
    }
    cues.push({
      category,
      text: how === 're' ? '' : cue.normalize('NFKC'),
      pattern: how === 're' ? new RegExp(cue, 'g') : null,
      selfNegative: how !== 'word',
      context: context ? new RegExp(context) : null,
    });
  });
  // Regular expressions have no length: they go after the words of the same category's longest.
  const len = (c: Cue) => (c.pattern ? 4 : c.text.length);
  return cues.sort((a, b) => len(b) - len(a));
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!loaded) {
    const text = readFileSync(FILE, 'utf8');
    const cues = parseLexicon(text);
    loaded = {
      version: createHash('sha256').update(text).digest('hex').slice(0, 12),
      cues,
      // A segmenter of its own: the cue words must stay whole here, not in the navigator's or the assistant's.
      segmenter: new Segmenter(cues.filter((c) => !c.pattern && c.text.length > 1).map((c) => c.text)),
    };
  }
  return loaded;
}
