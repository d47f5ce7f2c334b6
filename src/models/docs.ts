// docs/models.md, generated from the model definitions themselves (`kedu models docs`); a test keeps
// the committed file equal to what the definitions produce.
import { readLaws } from '../catalog/read-catalog.ts';
import { MODEL_CATEGORIES, type ModelDefinition } from './model.ts';

const SEVERITY = { low: '低', medium: '中', high: '高' } as const;

export function modelsMarkdown(models: readonly ModelDefinition[]): string {
  const { regulations, articles } = readLaws();
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
