// Chinese word segmentation for every capability that reads free text (case facts, questions,
// follow-up transcripts): jieba's default dictionary (shipped inside @node-rs/jieba, no download) plus
// Kedu's domain terms, so that 无照经营, 占道经营 or 综合行政执法 stay one word.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const TERMS_FILE = fileURLToPath(new URL('../../data/text/domain-terms.txt', import.meta.url));
const STOPWORDS_FILE = fileURLToPath(new URL('../../data/text/stopwords.txt', import.meta.url));

/** A word as jieba's user dictionary wants it: high frequency, so the whole term wins over its parts. */
const DOMAIN_FREQUENCY = 200000;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

let stopwords: Set<string> | undefined;

/** Function words and punctuation that carry no meaning for retrieval (data/text/stopwords.txt). */
export function isStopword(word: string): boolean {
  stopwords ??= new Set(lines(STOPWORDS_FILE));
  return stopwords.has(word) || !/[\p{L}\p{N}]/u.test(word);
}

/** Full-width letters and digits to half-width, one kind of space: 'ＡＢ１２' + U+3000 → 'AB12 '. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

export class Segmenter {
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();

  /** jieba's dictionary, the shipped domain terms (data/text/domain-terms.txt) and `extraWords`. */
  constructor(extraWords: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    this.addWords(lines(TERMS_FILE));
    this.addWords(extraWords);
  }

  /** Adds words (catalog item names, region and agency names …) that must not be split. */
  addWords(words: Iterable<string>): void {
    const fresh = [...words].map((w) => w.trim()).filter((w) => w.length > 1 && !/\s/.test(w) && !this.known.has(w));
    if (!fresh.length) return;
    for (const w of fresh) this.known.add(w);
    this.jieba.loadDict(Buffer.from(fresh.map((w) => `${w} ${DOMAIN_FREQUENCY} n`).join('\n')));
  }

  /** Words in order, punctuation included (precise mode, no HMM guessing of unknown words). */
  cut(text: string): string[] {
    return this.jieba.cut(normalizeText(text), false).filter((w) => w.trim() !== '');
  }

  /** Words for an index or a query: search mode (long words and their parts), stopwords dropped. */
  terms(text: string): string[] {
    return this.jieba.cutForSearch(normalizeText(text), false).filter((w) => w.trim() !== '' && !isStopword(w));
  }
}

let shared: Segmenter | undefined;

/** One segmenter per process: loading jieba's dictionary takes about 100 ms. */
export function segmenter(): Segmenter {
  shared ??= new Segmenter();
  return shared;
}
