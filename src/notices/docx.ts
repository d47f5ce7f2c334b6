// A notice as a Word document in the layout of party and government documents (GB/T 9704-2012; the
// layout itself is src/notices/gongwen.ts, shared with the situation reports): 版头, title, addressee,
// the facts numbered （一）（二）…, the articles cited verbatim, the requirement and answer date, 署名 and
// 成文日期, 版记.
import type { Paragraph } from 'docx';
import type { NoticeContent, NoticeRow } from './notices.ts';
import { chineseDate } from './notices.ts';
import { blank, body, closing, headingParagraph, numeral, redHeader, renderGongwen, titleParagraph } from './gongwen.ts';

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
  const addAll = (part: { paragraphs: Paragraph[]; texts: string[] }) => part.paragraphs.forEach((p, i) => add(p, part.texts[i]));

  addAll(redHeader(n.issuer, n.number));
  // 主体: title, addressee, body.
  add(titleParagraph(n.title), n.title);
  add(blank(), '');
  add(body(`${n.addressee}：`, { indent: false }), `${n.addressee}：`);
  add(body(content.opening), content.opening);

  const heading = (i: number, text: string) => add(headingParagraph(`${numeral(i)}、${text}`), `${numeral(i)}、${text}`);
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
  addAll(closing(n.issuer, n.issued_on));
  return { paragraphs, texts };
}

/** The .docx bytes of a notice. */
export async function renderNoticeDocx(n: NoticeRow): Promise<Buffer> {
  return renderGongwen(
    { creator: n.issuer, title: `${n.title}（${n.number}）`, description: `Kedu 刻度 · ${n.number}` },
    buildParagraphs(n).paragraphs,
  );
}
