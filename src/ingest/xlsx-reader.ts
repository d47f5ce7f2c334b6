// The first sheet of an XLSX file, read as a stream with caps on everything a hostile file can
// inflate: the number of parts, the decompressed size of each, the shared strings (count and total
// size), the size of one cell, and the rows. A 99 KB file holding one 100 MB shared string (a zip
// bomb) is refused after reading about 200 KB of it, with a message naming the cap, instead of
// being inflated into memory: exceljs's stream reader has no such caps (measured on it: 2.7 GB of
// memory and every other request of the server blocked for 30 s or more).
//
// The zip is read with yauzl (central directory first, each entry's declared size checked against
// the bytes it really inflates to) and the XML with saxes, the streaming parser exceljs itself uses.
// What a cell becomes follows exceljs's reader, which Kedu used before: shared and inline strings
// (rich text joined, phonetic runs left out), numbers, booleans, error codes as text, date-formatted
// numbers as Dates (the wall clock in UTC), formulas by their cached result.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import type { Cell } from './values.ts';

/** A problem that makes the file unreadable as a whole; the message is the user's. */
export class XlsxProblem extends Error {}

export interface XlsxLimits {
  /** Parts in the zip. */
  entries: number;
  /** Decompressed bytes of the sheet read. */
  sheetBytes: number;
  /** Decompressed bytes of the shared strings part. */
  sharedStringsBytes: number;
  /** Decompressed bytes of any other part read whole (workbook, relationships, styles). */
  partBytes: number;
  sharedStrings: number;
  /** Characters of all shared strings together (they are held in memory while the sheet is read). */
  sharedStringChars: number;
  /** Characters in one cell: Excel's own limit, "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits). */
  cellChars: number;
  /** Rows of the sheet: Excel's own limit, 1,048,576 rows. */
  rows: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  entries: 10_000,
  sheetBytes: 2 * 1024 ** 3,
  sharedStringsBytes: 512 * 1024 ** 2,
  partBytes: 16 * 1024 ** 2,
  sharedStrings: 4_000_000,
  sharedStringChars: 64 * 1024 ** 2,
  cellChars: 32_767,
  rows: 1_048_576,
};

const size = (n: number) => (n >= 1024 ** 2 ? `${Math.round(n / 1024 ** 2)}MB` : n >= 1024 ? `${Math.ceil(n / 1024)}KB` : `${n}字节`);

export interface XlsxRow {
  /** The row number Excel shows. */
  rowNo: number;
  cells: Cell[];
}

export interface XlsxReading {
  /** Decompressed bytes of the sheet read so far, and its declared size. */
  progress(): { done: number; total: number };
  /** The rows in batches of about batchRows (empty rows included: the caller skips them). */
  rows(batchRows: number): AsyncGenerator<XlsxRow[]>;
  close(): void;
}

/** Opens the file and reads what the sheet needs (workbook, relationships, styles, shared strings). */
export async function openXlsx(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxReading> {
  const zip = await openZip(path);
  try {
    const entries = await listEntries(zip, limits);
    const part = async (name: string): Promise<string | null> => {
      const e = entries.get(name);
      return e ? readWhole(zip, e, limits.partBytes) : null;
    };
    const workbookXml = await part('xl/workbook.xml');
    if (workbookXml === null) throw new XlsxProblem('文件中没有工作簿（xl/workbook.xml），不是有效的 Excel 文件');
    const rels = relationships((await part('xl/_rels/workbook.xml.rels')) ?? '');
    const book = workbook(workbookXml);
    const target = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
    const sheetPath = (book.firstSheetRel && rels.get(book.firstSheetRel)?.target) ?? 'xl/worksheets/sheet1.xml';
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new XlsxProblem(`文件中没有第一个工作表（${sheetPath}）`);
    const stylesXml = await part(target('styles', 'xl/styles.xml'));
    const dateStyles = stylesXml ? dateStyleIndexes(stylesXml) : new Set<number>();
    const sharedEntry = entries.get(target('sharedStrings', 'xl/sharedStrings.xml'));
    const shared = sharedEntry ? await readSharedStrings(zip, sharedEntry, limits) : [];
    let done = 0;
    return {
      progress: () => ({ done, total: Math.max(sheet.uncompressedSize, done) }),
      rows: (batchRows) =>
        readSheet(zip, sheet, limits, batchRows, { shared, dateStyles, date1904: book.date1904 }, (n) => {
          done += n;
        }),
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

// ── the zip ──────────────────────────────────────────────────────────────────────────────────────
function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(new XlsxProblem(`不是有效的 Excel 文件（.xlsx）：${err.message}`)) : resolve(zip),
    ),
  );
}

function listEntries(zip: ZipFile, limits: XlsxLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (e: Entry) => {
      if (entries.size >= limits.entries) {
        reject(new XlsxProblem(`Excel 文件中的部件超过 ${limits.entries} 个，不予读取`));
        return;
      }
      entries.set(e.fileName.replace(/^\/+/, ''), e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(new XlsxProblem(`不是有效的 Excel 文件（.xlsx）：${err.message}`)));
    zip.readEntry();
  });
}

function entryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err ? reject(new XlsxProblem(`无法读取 ${entry.fileName}：${err.message}`)) : resolve(stream),
    ),
  );
}

/**
 * The text of an entry, chunk by chunk, with two caps checked before any chunk is parsed: the
 * decompressed size, and the longest run without a '<' (a text node or a tag): no run of a valid
 * cell (32,767 characters, each at most 6 characters escaped) comes near it, and a 100 MB string
 * trips it at once.
 */
async function* entryText(
  zip: ZipFile,
  entry: Entry,
  maxBytes: number,
  maxRun: number,
  what: string,
  onBytes?: (n: number) => void,
): AsyncGenerator<string> {
  if (entry.uncompressedSize > maxBytes)
    throw new XlsxProblem(`${what}解压后为 ${size(entry.uncompressedSize)}，超过上限 ${size(maxBytes)}`);
  const stream = await entryStream(zip, entry);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let run = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxBytes) throw new XlsxProblem(`${what}解压后超过上限 ${size(maxBytes)}`);
      onBytes?.((chunk as Buffer).length);
      const text = decoder.decode(chunk as Buffer, { stream: true });
      run = longestRun(text, run, maxRun, what);
      yield text;
    }
  } catch (e) {
    if (e instanceof XlsxProblem) throw e;
    throw new XlsxProblem(`${what}已损坏：${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The run without '<' at the end of text, given the run before it; throws when any run exceeds max. */
function longestRun(text: string, before: number, max: number, what: string): number {
  let lt = text.indexOf('<');
  if (lt < 0) {
    if (before + text.length > max) throw tooLong(what);
    return before + text.length;
  }
  if (before + lt > max) throw tooLong(what);
  for (let next = text.indexOf('<', lt + 1); next >= 0; next = text.indexOf('<', lt + 1)) {
    if (next - lt > max) throw tooLong(what);
    lt = next;
  }
  const run = text.length - lt;
  if (run > max) throw tooLong(what);
  return run;
}

const tooLong = (what: string) =>
  new XlsxProblem(`${what}中有超长内容：单元格至多 ${XLSX_LIMITS.cellChars} 个字符（Excel 的上限），文件可能被构造为解压炸弹，不予读取`);

async function readWhole(zip: ZipFile, entry: Entry, maxBytes: number): Promise<string> {
  let text = '';
  for await (const t of entryText(zip, entry, maxBytes, maxBytes, entry.fileName)) text += t;
  return text;
}

// ── XML ──────────────────────────────────────────────────────────────────────────────────────────
/** Element name without a namespace prefix (x:row → row). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

function parseXml(xml: string, onOpen: (tag: SaxesTagPlain) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', onOpen);
  parser.write(xml).close();
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!xml) return rels;
  parseXml(xml, (tag) => {
    if (local(tag.name) !== 'Relationship') return;
    const target = String(tag.attributes.Target ?? '');
    // Targets are relative to xl/ unless absolute (/xl/worksheets/sheet1.xml).
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    rels.set(String(tag.attributes.Id), { type: String(tag.attributes.Type ?? ''), target: path });
  });
  return rels;
}

function workbook(xml: string): { firstSheetRel: string | null; date1904: boolean } {
  let firstSheetRel: string | null = null;
  let date1904 = false;
  parseXml(xml, (tag) => {
    const name = local(tag.name);
    if (name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904 ?? ''));
    if (name === 'sheet' && firstSheetRel === null) {
      const rel = Object.entries(tag.attributes).find(([k]) => local(k) === 'id');
      firstSheetRel = rel ? String(rel[1]) : null;
    }
  });
  return { firstSheetRel, date1904 };
}

// Built-in number formats that are dates (ECMA-376 §18.8.30, with the zh-CN ones 27–36 and 50–58), as exceljs has them.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** exceljs's test: a format is a date when, quoted text and [..] sections removed, it has y m d h s or b. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The indexes of cell styles (cellXfs) whose number format is a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) xfFormats.push(Number(tag.attributes.numFmtId ?? 0));
  });
  parser.on('closetag', (tag) => {
    if (local(tag.name) === 'cellXfs') inCellXfs = false;
  });
  parser.write(xml).close();
  const dates = new Set<number>();
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(i);
  });
  return dates;
}

async function readSharedStrings(zip: ZipFile, entry: Entry, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  let problem: XlsxProblem | null = null;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  const text = (t: string) => {
    if (inText && current !== null) current += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current !== null) {
      if (current.length > limits.cellChars) problem ??= tooLong('共享字符串');
      chars += current.length;
      if (chars > limits.sharedStringChars)
        problem ??= new XlsxProblem(`共享字符串合计超过 ${limits.sharedStringChars} 个字符，请改用 CSV 导入`);
      if (strings.length >= limits.sharedStrings) problem ??= new XlsxProblem(`共享字符串超过 ${limits.sharedStrings} 个，请改用 CSV 导入`);
      strings.push(current);
      current = null;
    }
  });
  const maxRun = limits.cellChars * 6 + 4096;
  try {
    for await (const chunk of entryText(zip, entry, limits.sharedStringsBytes, maxRun, '共享字符串')) {
      parser.write(chunk);
      if (problem) throw problem;
    }
    parser.close();
  } catch (e) {
    throw e instanceof XlsxProblem ? e : new XlsxProblem(`共享字符串已损坏：${(e as Error).message}`);
  }
  if (problem) throw problem;
  return strings;
}

interface SheetContext {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Column index (0-based) of a cell reference: AB12 → 27. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** Excel's serial day number → the wall clock it shows, as a Date in UTC (exceljs's excelToDate). */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A number cell's text → a number, or the text itself when it is an integer a double cannot hold (an 18-digit id). */
function numberCell(text: string): Cell {
  const n = Number(text);
  if (Number.isNaN(n)) return text;
  return /^-?\d{16,}$/.test(text) && !Number.isSafeInteger(n) ? text : n;
}

async function* readSheet(
  zip: ZipFile,
  entry: Entry,
  limits: XlsxLimits,
  batchRows: number,
  ctx: SheetContext,
  onBytes: (n: number) => void,
): AsyncGenerator<XlsxRow[]> {
  let batch: XlsxRow[] = [];
  let rowCount = 0;
  let rowNo = 0;
  let cells: Cell[] | null = null;
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = '';
  let style = -1;
  let value: string | null = null;
  let inline: string | null = null;
  let collecting: 'v' | 't' | null = null;
  let phonetic = 0;
  let problem: XlsxProblem | null = null;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const a = tag.attributes;
    switch (name) {
      case 'row':
        rowNo = a.r ? Number(a.r) : rowNo + 1;
        cells = [];
        nextCol = 0;
        if (++rowCount > limits.rows) problem ??= new XlsxProblem(`工作表超过 ${limits.rows} 行（Excel 的上限），不予读取`);
        break;
      case 'c':
        col = a.r ? columnOf(String(a.r)) : nextCol;
        type = String(a.t ?? 'n');
        style = a.s === undefined ? -1 : Number(a.s);
        value = null;
        inline = null;
        break;
      case 'v':
        collecting = 'v';
        value = '';
        break;
      case 'is':
        inline = '';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (inline !== null && phonetic === 0) collecting = 't';
        break;
    }
  });
  const text = (t: string) => {
    if (collecting === 'v') value += t;
    else if (collecting === 't') inline += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v':
      case 't':
        collecting = null;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        if (!cells) break;
        const v = cellValue(type, style, value, inline, ctx);
        if (typeof v === 'string' && v.length > limits.cellChars) problem ??= tooLong('工作表');
        if (col >= 0 && col < 16_384) {
          while (cells.length < col) cells.push(null);
          cells[col] = v;
        }
        nextCol = col + 1;
        break;
      }
      case 'row':
        if (cells) batch.push({ rowNo, cells });
        cells = null;
        break;
    }
  });
  const maxRun = limits.cellChars * 6 + 4096;
  try {
    for await (const chunk of entryText(zip, entry, limits.sheetBytes, maxRun, '工作表', onBytes)) {
      parser.write(chunk);
      if (problem) throw problem;
      if (batch.length >= batchRows) {
        yield batch;
        batch = [];
      }
    }
    parser.close();
  } catch (e) {
    throw e instanceof XlsxProblem ? e : new XlsxProblem(`工作表已损坏：${(e as Error).message}`);
  }
  if (problem) throw problem;
  if (batch.length) yield batch;
}

function cellValue(type: string, style: number, value: string | null, inline: string | null, ctx: SheetContext): Cell {
  switch (type) {
    case 's': {
      if (value === null) return null;
      const s = ctx.shared[Number(value)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return inline ?? value;
    case 'str':
      return value;
    case 'b':
      return value === null ? null : Number(value) !== 0;
    case 'e':
      return value;
    case 'd':
      return value === null ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    default: {
      if (value === null || value === '') return null;
      const n = numberCell(value);
      return typeof n === 'number' && ctx.dateStyles.has(style) ? excelDate(n, ctx.date1904) : n;
    }
  }
}
