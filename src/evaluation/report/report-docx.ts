// A situation report as a Word document in the 公文 layout (src/notices/gongwen.ts): 版头 with the
// number, the title, the addressees, then 一、总体情况 (the headline figures in words with 同比 and 环比,
// a table, 图1), 二、各地情况 (a table, 图2), 三、监督发现的问题 (图3, typical clues), 四、效能评价情况,
// 五、工作建议, 署名, 成文日期 and 版记. Every chart's title is also its caption, in the document text.
import { AlignmentType, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import {
  blank,
  body,
  closing,
  headingParagraph,
  numeral,
  redHeader,
  renderGongwen,
  run,
  titleParagraph,
  FONTS,
} from '../../notices/gongwen.ts';
import { changeText } from './change-text.ts';
import { chartPng, reportCharts, CHART_HEIGHT, CHART_WIDTH } from './report-charts.ts';
import type { ReportContent } from './report-content.ts';

export interface ReportMeta {
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
}

const num = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const TABLE_SIZE = 24; // 小四, 12 pt: tables and captions

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold ? FONTS.heading : FONTS.body, TABLE_SIZE)] })],
  });

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONTS.body, TABLE_SIZE)] });

/** The addressees of a report by its level. */
export function addressees(c: ReportContent): string {
  if (c.scopeWord === '全省') return '各设区市司法局，省级各行政执法单位';
  if (c.scopeWord === '全市') return '各县（市、区）司法局，市级各行政执法单位';
  return '各行政执法单位，各乡镇人民政府（街道办事处）';
}

/** The overview sentence: "2025年第四季度，全市共开展涉企行政检查1,234次，同比下降33.37%，环比上升5.00%；…". */
export function overviewText(c: ReportContent): string {
  const parts = c.headline.map(
    (h) => `${h.label}${num(h.value)}${h.unit}，${changeText(h.value, h.lastYear, 'yoy')}，${changeText(h.value, h.previous, 'mom')}`,
  );
  return `${c.period.label}，${c.scopeWord}${parts.join('；')}。`;
}

/** The document's text, paragraph by paragraph (tables and pictures aside), for tests and the console. */
export function reportTexts(c: ReportContent, meta: ReportMeta): string[] {
  return build(c, meta, null).texts;
}

/** The document's paragraphs; `pngs`, the pictures of reportCharts(c) in order, or null for the text alone. */
function build(c: ReportContent, meta: ReportMeta, pngs: Buffer[] | null): { children: (Paragraph | Table)[]; texts: string[] } {
  const children: (Paragraph | Table)[] = [];
  const texts: string[] = [];
  const para = (text: string) => {
    children.push(body(text));
    texts.push(text);
  };
  const heading = (text: string) => {
    children.push(headingParagraph(text));
    texts.push(text);
  };
  const charts = reportCharts(c);
  const chart = (i: number) => {
    if (pngs)
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: pngs[i],
              transformation: { width: 580, height: Math.round((580 * CHART_HEIGHT) / CHART_WIDTH) },
            }),
          ],
        }),
      );
    children.push(caption(charts[i].title));
    texts.push(charts[i].title);
  };
  const head = redHeader(meta.issuer, meta.number);
  children.push(...head.paragraphs);
  texts.push(...head.texts);
  children.push(titleParagraph(meta.title), blank());
  texts.push(meta.title, '');
  children.push(body(`${addressees(c)}：`, { indent: false }));
  texts.push(`${addressees(c)}：`);
  para(
    `为全面掌握${c.scopeWord}行政执法态势，推进严格规范公正文明执法，根据行政执法监督平台归集的执法数据和监督模型运行情况，现将${c.period.label}${c.scopeWord}行政执法态势分析情况通报如下。`,
  );

  heading('一、总体情况');
  para(overviewText(c));
  children.push(
    table(
      ['指标', c.period.label, c.lastYear.label, '同比', c.previous.label, '环比'],
      c.headline.map((h) => [
        `${h.label}（${h.unit}）`,
        num(h.value),
        num(h.lastYear),
        changeText(h.value, h.lastYear, 'yoy'),
        num(h.previous),
        changeText(h.value, h.previous, 'mom'),
      ]),
    ),
  );
  chart(0);

  heading('二、各地情况');
  const active = c.byRegion.filter((r) => r.inspections + r.cases + r.clues > 0);
  if (active.length) {
    const most = [...active].sort((a, b) => b.inspections - a.inspections)[0];
    para(
      `从各${c.childWord}看，${most.name}行政检查${num(most.inspections)}次，居${c.scopeWord}首位，${changeText(most.inspections, most.inspectionsLastYear, 'yoy')}。各地执法数据见下表。`,
    );
    children.push(
      table(
        [c.childWord, '行政检查（次）', '同比', '处罚案件（件）', '罚没金额（万元）', '问题线索（条）'],
        active.map((r) => [
          r.name,
          num(r.inspections),
          changeText(r.inspections, r.inspectionsLastYear, 'yoy'),
          num(r.cases),
          num(Math.round(r.fines / 100) / 100),
          num(r.clues),
        ]),
      ),
    );
  } else para(`统计期内各${c.childWord}暂无执法数据。`);
  chart(1);

  heading('三、监督发现的问题');
  const clues = c.headline.find((h) => h.key === 'clues');
  if (c.topModels.length) {
    para(
      `统计期内，监督模型共发现问题线索${num(clues?.value ?? 0)}条。线索数量居前的模型为：${c.topModels
        .slice(0, 5)
        .map((m) => `${m.name}（${num(m.clues)}条）`)
        .join('、')}。`,
    );
  } else para('统计期内监督模型未发现新的问题线索。');
  chart(2);
  if (c.typicalClues.length) {
    para('典型问题线索如下：');
    c.typicalClues.forEach((t, i) =>
      para(
        `（${numeral(i)}）${t.title.replace(/[。.]$/, '')}。${t.explanation}（${t.regionName}${t.agencyName ? `，${t.agencyName}` : ''}；线索编号：${t.id}）`,
      ),
    );
  }

  heading('四、效能评价情况');
  const measured = c.indicators.filter((i) => i.value !== null);
  const missed = measured.filter((i) => (i.direction === 'higher' ? (i.value as number) < i.target : (i.value as number) > i.target));
  para(
    `按效能评价指标体系测算，${c.scopeWord}${measured.length}项有数据的指标中，${measured.length - missed.length}项达到目标值${
      missed.length
        ? `，${missed.map((i) => `${i.name}${num(i.value as number)}${i.unit}（目标值${num(i.target)}${i.unit}）`).join('、')}未达到目标值`
        : ''
    }。`,
  );
  if (c.agenciesToWatch.length) {
    para('综合得分靠后、需重点关注的执法主体：');
    c.agenciesToWatch.forEach((a, i) =>
      para(
        `（${numeral(i)}）${a.name}，综合得分${a.score.toFixed(2)}分，在${a.of}个执法主体中居第${a.rank}位；短板指标：${a.weakest
          .map((w) => `${w.name}${w.value === null ? '' : `${num(w.value)}${w.unit}`}（${w.score.toFixed(0)}分）`)
          .join('、')}。`,
      ),
    );
  }

  heading('五、工作建议');
  c.recommendations.forEach((r, i) => para(`（${numeral(i)}）${r}`));

  const end = closing(meta.issuer, meta.issuedOn);
  children.push(...end.paragraphs);
  texts.push(...end.texts);
  return { children, texts };
}

/** The .docx bytes of a report (charts rendered now, from the kept content). */
export async function renderReportDocx(c: ReportContent, meta: ReportMeta): Promise<Buffer> {
  const pngs: Buffer[] = [];
  for (const spec of reportCharts(c)) pngs.push(await chartPng(spec));
  return renderGongwen(
    { creator: meta.issuer, title: `${meta.title}（${meta.number}）`, description: `Kedu 刻度 · ${meta.number}` },
    build(c, meta, pngs).children,
  );
}
