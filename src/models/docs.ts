// docs/models.md, generated from the model definitions themselves (`kedu models docs`); a test keeps
// the committed file equal to what the definitions produce.
import { readCatalog } from '../catalog/read-catalog.ts';
import { MODEL_CATEGORIES, type ModelDefinition } from './model.ts';

const SEVERITY = { low: '低', medium: '中', high: '高' } as const;

export function modelsMarkdown(models: readonly ModelDefinition[]): string {
  // The catalog names policies outside the corpus too (regulations.json), cited without an article.
  const { regulations, articles } = readCatalog();
  const title = new Map(regulations.map((r) => [r.id, r.title]));
  const label = new Map(articles.map((a) => [`${a.regulation_id}#${a.number}`, a.label]));
  const basis = (m: ModelDefinition) => {
    const reg = title.get(m.basis.regulationId) ?? m.basis.regulationId;
    const art =
      m.basis.article !== undefined ? ` ${label.get(`${m.basis.regulationId}#${m.basis.article}`) ?? `第${m.basis.article}条`}` : '';
    return `《${reg}》${art}${m.basis.note ? `；${m.basis.note}` : ''}`;
  };
  const lines: string[] = [
    '# 监督模型库 / Supervision models',
    '',
    `Generated from \`src/models/library/\` by \`kedu models docs\`; do not edit by hand. ${models.length} models.`,
    '',
    'Each model is one definition: a stable code, a Chinese name and description, a category, the article it',
    'enforces, a severity, typed parameters with defaults (adjustable per region by an admin), one SQL query over',
    'the records (the same on DuckDB and PostgreSQL), and an explanation template filled from each hit. Hits',
    'become clues (问题线索), deduplicated by model, subject and window. Models with a ground-truth violation',
    "are scored against the demo generator's planted violations (`kedu models score`; CI requires ≥ 0.9).",
    '',
    '## 期限与窗口 / What “N天内” means',
    '',
    'One reading for every model (src/models/window.ts), tested at N (no hit) and N + 1 (hit):',
    '',
    '- An act is within N days of an event on day D when it happens no later than day D + N: the day of the',
    '  event is not counted (期间开始的日不计算在期间内). A group of events lies within N days when the last is at',
    "  most N days after the first. Something still pending counts as happening on the run's date.",
    '- Where the law counts 工作日 — 行政处罚法 第八十五条 (its 二日、三日、五日、七日), 行政强制法 第六十九条,',
    '  行政许可法 第八十二条, 行政复议法 第八十八条, 浙江省保障“最多跑一次”改革规定 第十四条 — N working days after D',
    '  end on the Nth working day after D; an act on any later day (a holiday after the last day included) is late.',
    "  Working days come from one calendar: Monday to Friday less the legal holidays of the State Council's yearly",
    '  notice, plus its make-up working days (data/calendar/holidays.json, which names each notice; the table',
    '  `calendar_days` holds the same in the store). Years the file does not list count Monday to Friday only.',
    '- Delivery by post or public notice (公告) is judged on the day it was sent; direct and electronic delivery on',
    '  the day of delivery.',
    '',
    '## 说明的写法 / How an explanation is worded',
    '',
    'A clue is not a verdict. Every explanation says what the data shows and asks the agency to verify',
    '(数据显示…，可能…，请核实并说明); none uses 属、涉嫌、依法应、趋利 or 扰企, none uses statistical terms, and',
    'phone and ID numbers in quoted free text (complaints, follow-up answers) are masked (个人信息保护法). Each',
    'description says exactly what its query checks. test/models-library.test.ts holds every model to this.',
    '',
    'Inspections prompted by a complaint, a referral or data monitoring (kind `complaint`, `referral`,',
    '`monitoring`: 优化营商环境条例 第五十四条 第二款) are targeted: the repeat, burden, frequency and fixed-pairing',
    'models leave them out.',
    '',
  ];
  for (const [cat, catName] of Object.entries(MODEL_CATEGORIES)) {
    const inCat = models.filter((m) => m.category === cat);
    if (inCat.length === 0) continue;
    lines.push(`## ${catName}（${cat}）`, '');
    for (const m of inCat) {
      lines.push(`### ${m.code} ${m.name}`, '', m.description, '');
      lines.push(`- 依据：${basis(m)}`);
      lines.push(`- 严重程度：${SEVERITY[m.severity]}；证据：\`${m.evidenceKind}\``);
      if (m.params.length)
        lines.push(`- 参数：${m.params.map((p) => `\`${p.name}\` ${p.label}（默认 ${p.default}，${p.min}–${p.max}）`).join('；')}`);
      lines.push(`- 说明模板：${m.explanation}`);
      if (m.groundTruth) lines.push(`- 评分：演示数据预置违规 \`${m.groundTruth.violation}\`（${m.groundTruth.recordKind}）`);
      if (m.realtime) lines.push(`- 实时校验：\`${m.realtime.kind}\` 入库时按 \`${m.realtime.subjectColumn}\` 校验`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
