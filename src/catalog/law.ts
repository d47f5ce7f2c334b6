// Parses a law file of data/law: a YAML header (title, source, completeness, …) and a Markdown body in
// which chapter and section headings are Markdown headings and every article starts on its own line
// as 第X条 (第X條 in the traditional-script partial copy). Article text is kept verbatim: the lines of
// the article, blank lines dropped, joined by \n — nothing is re-punctuated, converted or trimmed inside.
import type { Article, Regulation, RegulationKind, RegulationStatus } from './types.ts';

export interface LawHeader {
  [key: string]: string | string[];
}

export interface ParsedLaw {
  header: LawHeader;
  regulation: Regulation;
  articles: Article[];
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral as written in article numbers → integer: 三十三 → 33, 一百二十二 → 122, 一百零五 → 105, 十五 → 15. */
export function chineseNumeral(text: string): number {
  if (!text) throw new Error('empty Chinese numeral');
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === '零' || ch === '〇') continue; // placeholder: 一百零五 = 105
    if (ch in DIGITS) {
      if (digit !== null) throw new Error(`bad Chinese numeral: ${text}`);
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      // A bare 十 at the start means 一十 (十五 = 15).
      total += (digit ?? (total === 0 ? 1 : NaN)) * UNITS[ch];
      digit = null;
    } else {
      throw new Error(`bad Chinese numeral: ${text}`);
    }
  }
  total += digit ?? 0;
  if (!Number.isInteger(total) || total <= 0) throw new Error(`bad Chinese numeral: ${text}`);
  return total;
}

const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';
const ARTICLE_LINE = new RegExp(`^第([${NUMERAL_CHARS}]+)([条條])(之[${NUMERAL_CHARS}]+)?[ \\u3000](.*)$`);

/**
 * The YAML subset the corpus headers use: `key: "value"` or `key: value` scalars and `key:` followed by
 * `  - "item"` lists. Anything else is an error, so a header we misread never passes silently.
 */
export function parseHeader(yaml: string): LawHeader {
  const header: LawHeader = {};
  let listKey: string | null = null;
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item) {
      if (!listKey) throw new Error(`YAML list item without a key: ${line}`);
      (header[listKey] as string[]).push(unquote(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`unsupported YAML line: ${line}`);
    if (kv[2] === '') {
      listKey = kv[1];
      header[kv[1]] = [];
    } else {
      listKey = null;
      header[kv[1]] = unquote(kv[2]);
    }
  }
  return header;
}

function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    return JSON.parse(s) as string; // YAML double-quoted scalars escape like JSON for the characters used here
  }
  return s;
}

/** Splits a law file into its YAML header and its body. */
export function splitLawFile(content: string): { yaml: string; body: string } {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('law file must start with a YAML header between --- lines');
  return { yaml: m[1], body: m[2] };
}

/** Articles of a law body, in order. Headings (#…) end an article; text before the first article is preamble. */
export function parseArticles(regulationId: string, body: string): Article[] {
  const articles: Article[] = [];
  let current: { article: Article; lines: string[] } | null = null;
  let chapter: string | null = null;
  let section: string | null = null;
  const flush = () => {
    if (current) {
      current.article.text = current.lines.join('\n');
      articles.push(current.article);
      current = null;
    }
  };
  for (const line of body.split('\n')) {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      if (level === 2) {
        chapter = heading[2];
        section = null;
      }
      if (level >= 3) section = heading[2];
      continue;
    }
    const m = ARTICLE_LINE.exec(line);
    if (m) {
      if (m[3]) throw new Error(`${regulationId}: article ${m[0].slice(0, 12)} has a 之X number, which the schema cannot hold`);
      flush();
      const number = chineseNumeral(m[1]);
      current = {
        article: {
          regulation_id: regulationId,
          number,
          label: `第${m[1]}${m[2]}`,
          text: null,
          chapter: section ? `${chapter ?? ''} ${section}`.trim() : chapter,
        },
        lines: [m[4]],
      };
      continue;
    }
    if (current && line.trim() !== '') current.lines.push(line);
  }
  flush();
  const seen = new Set<number>();
  for (const a of articles) {
    if (seen.has(a.number)) throw new Error(`${regulationId}: article ${a.label} appears twice`);
    seen.add(a.number);
  }
  return articles;
}

/** The kind of a regulation, from the body that made it (its header's issuing_body). */
export function regulationKind(title: string, issuingBody: string): RegulationKind {
  if (/省人民政府令|市人民政府令/.test(issuingBody)) return 'rule';
  if (/国务院/.test(issuingBody) && !/人民代表大会/.test(issuingBody)) return 'administrative_regulation';
  if (/省人民代表大会|市人民代表大会/.test(issuingBody)) return 'local_regulation';
  if (/全国人民代表大会/.test(issuingBody) && /法$/.test(title)) return 'law';
  throw new Error(`cannot tell the kind of ${title} from its issuing body "${issuingBody}"`);
}

/** 'verbatim' | 'partial' from a manifest or header completeness field ("partial (articles 1-5 only)"). */
export function completenessStatus(value: string): RegulationStatus {
  const word = value.trim().split(/[\s(（]/)[0];
  if (word === 'verbatim' || word === 'partial') return word;
  throw new Error(`unknown completeness "${value}"`);
}

function scalar(header: LawHeader, key: string): string | null {
  const v = header[key];
  return typeof v === 'string' ? v : null;
}

/**
 * Parses one law file. id: the regulation id (the file name without .md); status: from the manifest,
 * which must agree with the header's own completeness field.
 */
export function parseLaw(id: string, content: string, status?: RegulationStatus): ParsedLaw {
  const { yaml, body } = splitLawFile(content);
  const header = parseHeader(yaml);
  const title = scalar(header, 'title');
  if (!title) throw new Error(`${id}: header has no title`);
  const completeness = scalar(header, 'completeness');
  if (!completeness) throw new Error(`${id}: header has no completeness`);
  const headerStatus = completenessStatus(completeness);
  if (status && status !== headerStatus) throw new Error(`${id}: manifest says ${status}, header says ${headerStatus}`);
  const lastAmended = scalar(header, 'last_amended') ?? '';
  const regulation: Regulation = {
    id,
    title,
    kind: regulationKind(title, scalar(header, 'issuing_body') ?? ''),
    version_date: /^\d{4}-\d{2}-\d{2}/.exec(lastAmended)?.[0] ?? null,
    source: scalar(header, 'source'),
    status: status ?? headerStatus,
  };
  const articles = parseArticles(id, body);
  if (articles.length === 0) throw new Error(`${id}: no articles found`);
  return { header, regulation, articles };
}
