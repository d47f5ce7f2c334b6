// A campaign report as a Word document, in the official layout the notices use (src/notices/docx.ts):
// the campaign, how many were reached, satisfaction overall and by agency, the complaints heard, and
// the problems found and solved.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { FONTS, SIZE, blank, body, renderGongwen, run } from '../notices/gongwen.ts';
import { chineseDate } from '../notices/notices.ts';
import { STATUS_LABELS } from '../clues/workflow.ts';
import type { CampaignReport } from './results.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(head: string[], rows: (string | number)[][]): Table {
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), FONTS.body, SIZE.imprint, { bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

/** The report's paragraphs as text, in order (tests read them without Word). */
export function reportTexts(r: CampaignReport, issuedOn: string): string[] {
  const t = r.totals;
  return [
    `${r.campaign.name}情况报告`,
    `一、基本情况`,
    `本次回访为${r.campaign.levelLabel}${r.campaign.subjectLabel}回访，方式为${r.campaign.methodLabel}，回访对象为${r.campaign.periodFrom ?? ''}至${r.campaign.periodTo ?? ''}的执法记录。` +
      `共确定回访对象${t.tasks}个，已联系${t.contacted}个，接通（答复）${t.reached}个，未接通${t.unreachable}个，拒绝回访${t.refused}个，接通率${pct(t.reachedRate)}；` +
      `抽取人工复核${t.secondCalls.drawn}个，已完成${t.secondCalls.done}个，逾期未复核${t.secondCalls.overdue}个。`,
    `二、满意度`,
    `答复中满意${r.satisfaction.satisfied}份、一般${r.satisfaction.neutral}份、不满意${r.satisfaction.dissatisfied}份，满意率${pct(r.satisfaction.satisfiedRate)}。各执法部门情况见下表。`,
    `三、反映的问题`,
    r.categories.some((c) => c.count > 0)
      ? `回访中反映${r.categories
          .filter((c) => c.count > 0)
          .map((c) => `${c.label}${c.count}次`)
          .join('、')}。`
      : '回访中未反映执法问题。',
    `四、问题线索的办理`,
    `经答复分析和与执法记录碰撞比对，共发现问题线索${r.problems.found}条，已整改销号${r.problems.solved}条，尚在办理${r.problems.open}条。`,
    ...r.problems.rows
      .slice(0, 50)
      .map(
        (p, i) =>
          `（${i + 1}）${p.title}（${p.agencyName ?? '未交办'}，${STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status}，线索编号${p.clueId}）`,
      ),
    chineseDate(issuedOn),
  ];
}

export async function renderReportDocx(r: CampaignReport, issuer: string, issuedOn: string): Promise<Buffer> {
  const texts = reportTexts(r, issuedOn);
  const [title, ...rest] = texts;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, FONTS.title, SIZE.title)] }),
    blank(),
  ];
  for (const text of rest.slice(0, -1)) {
    const heading = /^[一二三四五六七八九十]、/.test(text);
    children.push(body(text, heading ? { face: FONTS.heading } : {}));
    if (text === '二、满意度') continue;
    if (text.startsWith('答复中满意')) {
      children.push(
        table(
          ['执法部门', '答复', '满意', '不满意', '满意率', '平均分', '反映问题', '表扬'],
          r.byAgency.map((a) => [
            a.agencyName,
            a.answers,
            a.satisfied,
            a.dissatisfied,
            pct(a.satisfiedRate),
            a.averageScore ?? '—',
            a.complaints,
            a.praise,
          ]),
        ),
      );
    }
  }
  children.push(
    blank(),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(texts[texts.length - 1])] }),
  );
  return renderGongwen({ creator: issuer, title, description: `Kedu 刻度 · ${r.campaign.id}` }, children);
}
