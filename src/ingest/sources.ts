// Where rows come from: CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel on Chinese Windows
// writes it), XLSX (first sheet), JSON Lines, a JSON array, or the records of an API call. Every
// source yields batches of rows with the row numbers a user sees (the Excel row; the line of a JSONL
// file; the position of an API record), so an error can point at the row to fix.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { extname, basename } from 'node:path';
import type { Cell } from './values.ts';
import { FileProblem } from './validate.ts';
import { openXlsx, XlsxProblem, type XlsxReading } from './xlsx-reader.ts';
import { JsonProblem, parseJsonText } from './json-text.ts';

export type SourceFormat = 'csv' | 'xlsx' | 'jsonl' | 'json' | 'records';

/** A record that could not even be read (a JSONL line that is not JSON). */
export class UnreadableRecord {
  constructor(
    readonly message: string,
    readonly text: string,
  ) {}
}

export interface RowBatch {
  /** Tabular sources: arrays of cells (the header is the first row). Object sources: the records. */
  rows: (Cell[] | Record<string, unknown> | UnreadableRecord)[];
  rowNos: number[];
  /** CSV: each row's text as read when it has no quotes (its cells joined by commas), else null. */
  lines?: (string | null)[];
}

export interface RowSource {
  readonly format: SourceFormat;
  readonly tabular: boolean;
  /** How rows are counted in messages: 第12行 (files), 第12条 (API records). */
  readonly unit: '行' | '条';
  readonly fileName: string | null;
  /** The text encoding detected (CSV, JSONL). */
  encoding: string | null;
  batches(): AsyncIterable<RowBatch>;
  /** How far reading has got: bytes for files, records for API calls. */
  progress(): { done: number; total: number };
  /** The records of an API call, as given (null for files). */
  readonly records?: readonly unknown[];
}

const CHUNK = 1 << 20;
// Text handed to the CSV splitter at a time. Small, so that the rows of one batch die young: with
// 1 MB batches a third of the import went to garbage collection (rows surviving scavenges).
const CSV_CHUNK = 64 << 10;

export async function fileSource(path: string, fileName = basename(path)): Promise<RowSource> {
  const ext = extname(fileName).toLowerCase();
  const total = (await stat(path)).size;
  switch (ext) {
    case '.csv':
    case '.txt':
      return csvSource(path, fileName, total);
    case '.xlsx':
      return xlsxSource(path, fileName, total);
    case '.jsonl':
    case '.ndjson':
      return jsonlSource(path, fileName, total);
    case '.json':
      return jsonSource(path, fileName, total);
    case '.xls':
    case '.et':
      throw new FileProblem('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后导入');
    default:
      throw new FileProblem(`无法识别的文件类型“${ext || fileName}”：支持 .csv、.xlsx、.jsonl、.json`);
  }
}

export function recordsSource(records: unknown[]): RowSource {
  let done = 0;
  return {
    format: 'records',
    records,
    tabular: false,
    unit: '条',
    fileName: null,
    encoding: null,
    async *batches() {
      for (let start = 0; start < records.length; start += 5000) {
        const slice = records.slice(start, start + 5000);
        yield { rows: slice.map(asRecord), rowNos: slice.map((_, i) => start + i + 1) };
        done = Math.min(records.length, start + 5000);
      }
    },
    progress: () => ({ done, total: records.length }),
  };
}

function asRecord(v: unknown): Record<string, unknown> | UnreadableRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : new UnreadableRecord('记录应为JSON对象（{"字段": 值, …}）', JSON.stringify(v) ?? String(v));
}

// ── encoding ─────────────────────────────────────────────────────────────────────────────────────
/** The length of buf's prefix that ends on a UTF-8 character boundary. */
function utf8Boundary(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i >= need ? buf.length : i;
}

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * A byte order mark of UTF-16 (FF FE little-endian, FE FF big-endian: what Excel's "Unicode text" and
 * some agency exports write) → that; otherwise valid UTF-8 throughout → UTF-8; otherwise GB18030 (a
 * superset of GBK and GB2312, which is what Excel on Chinese Windows writes for "CSV"). A whole-file
 * check, because a GBK file may hold only ASCII for its first megabytes; isUtf8 (simdutf) reads
 * ~1 GB/s, so it costs little.
 */
export async function detectEncoding(path: string): Promise<TextEncodingName> {
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const bytes = chunk as Buffer;
    if (first) {
      first = false;
      if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
      if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    }
    const buf = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const cut = utf8Boundary(buf);
    if (!isUtf8(buf.subarray(0, cut))) return 'gb18030';
    carry = Buffer.from(buf.subarray(cut));
  }
  return carry.length === 0 || isUtf8(carry) ? 'utf-8' : 'gb18030';
}

async function* decodedText(path: string, encoding: string, onBytes: (n: number) => void, chunkSize = CHUNK): AsyncGenerator<string> {
  // The decoders drop a leading BOM (UTF-8 or UTF-16); an invalid UTF-8 byte cannot occur (checked above).
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: chunkSize })) {
    onBytes((chunk as Buffer).length);
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────
/**
 * RFC 4180 records from text chunks. Lines without a quote character (nearly all of an agency
 * export) are split with String#split, the fast path; a record with quotes goes through a small
 * state machine and may span lines and chunks. csv-parse was measured at 4.7 s for 1M inspection
 * rows on this machine, this splitter at 1.2–1.6 s: the difference decides whether a million-row file
 * imports at 200,000 rows/s.
 */
export class CsvSplitter {
  private rest = '';
  /** Chunks held back while the unfinished record is long (see push), and their length. */
  private held: string[] = [];
  private heldLength = 0;
  /** The length the text must reach before the unfinished record is looked at again (0: at every chunk). */
  private retryAt = 0;

  /** Appends the complete records of the text so far to out, and to lines their text (null if quoted). */
  push(chunk: string, out: string[][], lines?: (string | null)[]): void {
    if (this.retryAt > 0) {
      this.held.push(chunk);
      this.heldLength += chunk.length;
      if (this.rest.length + this.heldLength < this.retryAt) return;
      chunk = this.takeHeld();
    }
    const text = this.rest ? this.rest + chunk : chunk;
    let p = 0;
    let quote = text.indexOf('"');
    for (;;) {
      const nl = text.indexOf('\n', p);
      if (nl < 0) break;
      if (quote >= 0 && quote < nl) {
        const r = quotedRecord(text, p, false);
        if (!r) break;
        out.push(r.fields);
        lines?.push(null);
        p = r.next;
        quote = text.indexOf('"', p);
        continue;
      }
      const end = nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const line = text.slice(p, end);
      out.push(line.split(','));
      lines?.push(line);
      p = nl + 1;
    }
    this.rest = p === 0 ? text : text.slice(p);
    // An unfinished record is scanned again from its start at each look: for a long one (a 20 MB line)
    // looking at every 64 KB chunk was quadratic (40 s). Looking again only once the text has doubled
    // keeps the whole read linear.
    this.retryAt = this.rest.length > LONG_RECORD ? this.rest.length * 2 : 0;
  }

  private takeHeld(): string {
    const text = this.held.join('');
    this.held = [];
    this.heldLength = 0;
    return text;
  }

  /** The last record, when the file does not end with a line break. */
  end(out: string[][], lines?: (string | null)[]): void {
    if (this.held.length) {
      const held = this.takeHeld();
      this.retryAt = 0;
      this.push(held, out, lines);
    }
    if (this.rest === '') return;
    const text = this.rest;
    this.rest = '';
    if (text.indexOf('"') < 0) {
      const line = text.replace(/\r$/, '');
      out.push(line.split(','));
      lines?.push(line);
      return;
    }
    let p = 0;
    while (p < text.length) {
      const r = quotedRecord(text, p, true)!;
      out.push(r.fields);
      lines?.push(null);
      p = r.next;
    }
  }
}

/** An unfinished record longer than this is looked at again only when the text has doubled. */
const LONG_RECORD = 1 << 20;

/** One record starting at p; null when the text ends before the record does (unless atEnd). */
function quotedRecord(text: string, p: number, atEnd: boolean): { fields: string[]; next: number } | null {
  const fields: string[] = [];
  let i = p;
  const n = text.length;
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (!atEnd) return null;
          field += text.slice(i);
          i = n;
          break; // unclosed quote at the end of the file: keep what is there
        }
        field += text.slice(i, q);
        if (q + 1 >= n && !atEnd) return null; // cannot tell "" from " yet
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    // Unquoted text, or anything between a closing quote and the delimiter (kept, as Excel does).
    let comma = text.indexOf(',', i);
    let nl = text.indexOf('\n', i);
    if (comma < 0) comma = n;
    if (nl < 0) {
      if (!atEnd) return null;
      nl = n;
    }
    if (comma < nl) {
      field += text.slice(i, comma);
      fields.push(field);
      i = comma + 1;
      continue;
    }
    field += text.slice(i, nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    fields.push(field);
    return { fields, next: nl + 1 };
  }
}

const isBlankRow = (cells: string[]) => {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '' && cells[i].trim() !== '') return false;
  return true;
};

function csvSource(path: string, fileName: string, total: number): RowSource {
  let done = 0;
  const source: RowSource = {
    format: 'csv',
    tabular: true,
    unit: '行',
    fileName,
    encoding: null,
    async *batches() {
      source.encoding = await detectEncoding(path);
      const splitter = new CsvSplitter();
      let rowNo = 0;
      const emit = (records: string[][], texts: (string | null)[]): RowBatch => {
        const rows: Cell[][] = [];
        const rowNos: number[] = [];
        const lines: (string | null)[] = [];
        for (let k = 0; k < records.length; k++) {
          const r = records[k];
          rowNo++;
          // Excel pads a sheet's empty rows with delimiters; they are not records.
          if ((r.length === 1 && r[0] === '') || ((r[0] === '' || r[0].charCodeAt(0) === 32) && isBlankRow(r))) continue;
          rows.push(r);
          rowNos.push(rowNo);
          lines.push(texts[k]);
        }
        return { rows, rowNos, lines };
      };
      for await (const text of decodedText(
        path,
        source.encoding,
        (n) => {
          done += n;
        },
        CSV_CHUNK,
      )) {
        const records: string[][] = [];
        const texts: (string | null)[] = [];
        splitter.push(text, records, texts);
        if (records.length) yield emit(records, texts);
      }
      const last: string[][] = [];
      const lastTexts: (string | null)[] = [];
      splitter.end(last, lastTexts);
      if (last.length) yield emit(last, lastTexts);
    },
    progress: () => ({ done, total }),
  };
  return source;
}

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────────────
function xlsxSource(path: string, fileName: string, total: number): RowSource {
  let reading: XlsxReading | null = null;
  return {
    format: 'xlsx',
    tabular: true,
    unit: '行',
    fileName,
    encoding: null,
    async *batches() {
      try {
        reading = await openXlsx(path);
        for await (const batch of reading.rows(5000)) {
          const rows: Cell[][] = [];
          const rowNos: number[] = [];
          for (const r of batch) {
            if (r.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
            rows.push(r.cells);
            rowNos.push(r.rowNo);
          }
          if (rows.length) yield { rows, rowNos };
        }
      } catch (e) {
        if (e instanceof XlsxProblem) throw new FileProblem(e.message);
        throw e;
      } finally {
        reading?.close();
      }
    },
    // The sheet's decompressed bytes read, in proportion of the file.
    progress: () => {
      const p = reading?.progress();
      return { done: p ? Math.round((total * p.done) / Math.max(1, p.total)) : 0, total };
    },
  };
}

// ── JSON Lines and JSON ──────────────────────────────────────────────────────────────────────────
function jsonlSource(path: string, fileName: string, total: number): RowSource {
  let done = 0;
  const source: RowSource = {
    format: 'jsonl',
    tabular: false,
    unit: '行',
    fileName,
    encoding: null,
    async *batches() {
      source.encoding = await detectEncoding(path);
      let rest = '';
      let lineNo = 0;
      const parseLines = (text: string, final: boolean): RowBatch => {
        const batch: RowBatch = { rows: [], rowNos: [] };
        const lines = text.split('\n');
        rest = final ? '' : lines.pop()!;
        for (const line of lines) {
          lineNo++;
          const s = line.trim();
          if (!s) continue;
          let parsed: unknown;
          try {
            parsed = parseJsonText(s);
          } catch (e) {
            batch.rows.push(new UnreadableRecord((e as Error).message, s.slice(0, 500)));
            batch.rowNos.push(lineNo);
            continue;
          }
          batch.rows.push(asRecord(parsed));
          batch.rowNos.push(lineNo);
        }
        return batch;
      };
      for await (const text of decodedText(path, source.encoding, (n) => {
        done += n;
      })) {
        yield parseLines(rest + text, false);
      }
      if (rest) yield parseLines(rest, true);
    },
    progress: () => ({ done, total }),
  };
  return source;
}

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** A whole text file in its detected encoding. */
async function decodedFile(path: string): Promise<string> {
  const encoding = await detectEncoding(path);
  return new TextDecoder(encoding).decode(await readFile(path));
}

async function jsonSource(path: string, fileName: string, total: number): Promise<RowSource> {
  if (total > MAX_JSON_BYTES) throw new FileProblem('JSON 文件过大（超过256MB），请改用 JSON Lines（.jsonl）格式');
  let parsed: unknown;
  try {
    parsed = parseJsonText(await decodedFile(path));
  } catch (e) {
    if (e instanceof JsonProblem) throw new FileProblem(`JSON 文件有误：${e.message}`);
    throw e;
  }
  const records = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { records?: unknown }).records)
      ? (parsed as { records: unknown[] }).records
      : null;
  if (!records) throw new FileProblem('JSON 文件应为记录数组 [ {…}, … ] 或 { "records": [ … ] }');
  const inner = recordsSource(records);
  return { ...inner, format: 'json', unit: '条', fileName, batches: () => inner.batches(), progress: () => inner.progress() };
}
