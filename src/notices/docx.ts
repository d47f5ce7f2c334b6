// A notice as a Word document in the layout of party and government documents (GB/T 9704-2012):
// A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm; a red issuing-body name (方正小标宋)
// over the document number and a red rule; the title in 方正小标宋 二号; the addressee flush left;
// the body in 仿宋_GB2312 三号 at a fixed 28 pt line (22 lines a page), first-line indent of two
// characters, level-one headings in 黑体; the issuing body and the date (Arabic numerals) at the end;
// the imprint (版记) between two rules; page numbers "— 1 —" in 宋体 四号.
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
} from 'docx';
import type { NoticeContent, NoticeRow } from './notices.ts';
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
const SIZE = { header: 68, title: 44, body: 32, imprint: 28, page: 28 } as const;
const LINE = 560; // fixed 28 pt line, in twips
const CHAR = 320; // one 三号 character, in twips
const RED = 'FF0000';
const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });

function run(text: string, face: string = FONTS.body, size: number = SIZE.body, extra: { color?: string; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT };

function body(text: string, opts: { indent?: boolean; face?: string } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, opts.face ?? FONTS.body)],
    spacing: exact,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
  });
}

const blank = () => new Paragraph({ children: [run('')], spacing: exact });

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (i: number): string => (i < 10 ? NUMERALS[i] : i < 19 ? `十${NUMERALS[i - 10]}` : String(i + 1));

/** The document's paragraphs, in order; exported for tests that check the text without Word. */
export function noticeParagraphTexts(n: NoticeRow): string[] {
  return buildParagraphs(n).texts;
}

function buildParagraphs(n: NoticeRow): { paragraphs: Paragraph[]; texts: string[] } {
  const content = JSON.parse(n.content) as NoticeContent;
  const texts: string[] = [];
  const paragraphs: Paragraph[] = [];
  const add = (p: Paragraph, text: string) => {
    paragraphs.push(p);
    texts.push(text);
  };

  // 版头: the issuing body in red, the number, the red rule.
  add(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [run(n.issuer, FONTS.title, SIZE.header, { color: RED })],
    }),
    n.issuer,
  );
  add(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [run(n.number)],
    }),
    n.number,
  );
  add(blank(), '');
  // 主体: title, addressee, body.
  add(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(n.title, FONTS.title, SIZE.title)],
    }),
    n.title,
  );
  add(blank(), '');
  add(body(`${n.addressee}：`, { indent: false }), `${n.addressee}：`);
  add(body(content.opening), content.opening);

  const heading = (i: number, text: string) => add(body(`${numeral(i)}、${text}`, { face: FONTS.heading }), `${numeral(i)}、${text}`);
  let section = 0;
  heading(section++, n.kind === 'transfer' ? '问题线索' : '基本情况');
  content.facts.forEach((f, i) => {
    const text = `（${numeral(i)}）${f.title.replace(/[。.]$/, '')}。${f.explanation}（线索编号：${f.clueNumber ?? f.clueId}；发现日期：${chineseDate(f.foundOn)}）`;
    add(body(text), text);
  });
  heading(section++, '法律依据');
  for (const c of content.basis) {
    // The article verbatim: paragraph by paragraph as stored, opened and closed by quotation marks.
    const parts = c.text
      .split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean);
    parts.forEach((p, i) => {
      const text = `${i === 0 ? `《${c.regulationTitle}》${c.label}规定：“` : ''}${p}${i === parts.length - 1 ? '”' : ''}`;
      add(body(text), text);
    });
  }
  heading(section, n.kind === 'transfer' ? '移送事项' : n.kind === 'advisory' ? '提示事项' : '监督意见和要求');
  add(body(content.requirement), content.requirement);
  if (n.deadline) {
    const text = `答复期限：${chineseDate(n.deadline)}前。`;
    add(body(text), text);
  }
  add(blank(), '');
  add(blank(), '');
  // 署名 and 成文日期: the date right-aligned four characters in from the margin, the body centred above it.
  add(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: 4 * CHAR }, children: [run(n.issuer)] }), n.issuer);
  add(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: 4 * CHAR },
      children: [run(chineseDate(n.issued_on))],
    }),
    chineseDate(n.issued_on),
  );
  add(blank(), '');
  // 版记: issuing body and printing date between two rules, 仿宋 四号.
  const imprint = `${n.issuer}\t${chineseDate(n.issued_on)}印发`;
  add(
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
    imprint.replace('\t', ' '),
  );
  return { paragraphs, texts };
}

/** The .docx bytes of a notice. */
export async function renderNoticeDocx(n: NoticeRow): Promise<Buffer> {
  const { paragraphs } = buildParagraphs(n);
  const doc = new Document({
    creator: n.issuer,
    title: `${n.title}（${n.number}）`,
    description: `Kedu 刻度 · ${n.number}`,
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
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
