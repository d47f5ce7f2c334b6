// The layout of party and government documents (党政机关公文格式, GB/T 9704-2012) shared by every
// document Kedu issues — the notices and the situation reports: A4, margins top 37 mm / bottom 35 mm /
// left 28 mm / right 26 mm; a red issuing-body name (方正小标宋) over the document number and a red rule;
// the title in 方正小标宋 二号; the body in 仿宋_GB2312 三号 at a fixed 28 pt line (22 lines a page),
// first-line indent of two characters, level-one headings in 黑体; the issuing body and the date (Arabic
// numerals) at the end; the imprint (版记) between two rules; page numbers "— 1 —" in 宋体 四号.
// The fonts are named as the standard names them; the font table gives each an alternative
// (w:altName: 仿宋_GB2312 → 仿宋 …) for machines without the GB2312-era fonts, and Word/WPS/LibreOffice
// otherwise substitute by the declared GB2312 charset.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
  type Table,
} from 'docx';
import { chineseDate } from './notices.ts';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  page: '宋体',
  latin: 'Times New Roman',
} as const;

/** Each font's stand-in where it is not installed (w:altName in the font table), and its family. */
const FONT_TABLE: { name: string; alt?: string; family: string; pitch: string; charset: string }[] = [
  { name: FONTS.title, alt: '华文中宋', family: 'roman', pitch: 'fixed', charset: '86' },
  { name: FONTS.body, alt: '仿宋', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: FONTS.heading, alt: 'SimHei', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: FONTS.subheading, alt: '楷体', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: FONTS.page, alt: 'SimSun', family: 'auto', pitch: 'variable', charset: '86' },
  { name: FONTS.latin, family: 'roman', pitch: 'variable', charset: '00' },
];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlEscape(f.name)}">${f.alt ? `<w:altName w:val="${xmlEscape(f.alt)}"/>` : ''}` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${fonts}</w:fonts>`
  );
}

// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt; the red name is set larger, as offices do.
export const SIZE = { header: 68, title: 44, body: 32, imprint: 28, page: 28 } as const;
export const LINE = 560; // fixed 28 pt line, in twips
export const CHAR = 320; // one 三号 character, in twips
export const RED = 'FF0000';
export const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);

export const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });

export function run(
  text: string,
  face: string = FONTS.body,
  size: number = SIZE.body,
  extra: { color?: string; bold?: boolean } = {},
): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

export const exact = { line: LINE, lineRule: LineRuleType.EXACT };

export function body(text: string, opts: { indent?: boolean; face?: string } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, opts.face ?? FONTS.body)],
    spacing: exact,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
  });
}

export const blank = () => new Paragraph({ children: [run('')], spacing: exact });

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const numeral = (i: number): string => (i < 10 ? NUMERALS[i] : i < 19 ? `十${NUMERALS[i - 10]}` : String(i + 1));

/** 版头: the issuing body in red, the document number, the red rule; then a blank line. */
export function redHeader(issuer: string, number: string): { paragraphs: Paragraph[]; texts: string[] } {
  return {
    paragraphs: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 240 },
        children: [run(issuer, FONTS.title, SIZE.header, { color: RED })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exact, after: 120 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
        children: [run(number)],
      }),
      blank(),
    ],
    texts: [issuer, number, ''],
  };
}

/** The title in 方正小标宋 二号, centred. */
export const titleParagraph = (title: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT },
    children: [run(title, FONTS.title, SIZE.title)],
  });

/** A level-one heading (一、…) in 黑体. */
export const headingParagraph = (text: string): Paragraph => body(text, { face: FONTS.heading });

/** 署名 and 成文日期, right-aligned four characters in from the margin; then 版记 between two rules. */
export function closing(issuer: string, issuedOn: string): { paragraphs: Paragraph[]; texts: string[] } {
  const right = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: 4 * CHAR }, children: [run(text)] });
  const imprint = `${issuer}\t${chineseDate(issuedOn)}印发`;
  return {
    paragraphs: [
      blank(),
      blank(),
      right(issuer),
      right(chineseDate(issuedOn)),
      blank(),
      new Paragraph({
        spacing: { before: 240, ...exact },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        indent: { left: CHAR / 2, right: CHAR / 2 },
        border: {
          top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
          bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
        },
        children: [run(imprint, FONTS.body, SIZE.imprint)],
      }),
    ],
    texts: ['', '', issuer, chineseDate(issuedOn), '', imprint.replace('\t', ' ')],
  };
}

/** The .docx bytes of a document in the layout: A4, the margins, page numbers, the font table. */
export async function renderGongwen(
  meta: { creator: string; title: string; description: string },
  children: (Paragraph | Table)[],
): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    description: meta.description,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(28) / 2,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.page), size: SIZE.page })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
