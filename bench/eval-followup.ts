// npm run eval:followup [-- --misses]: how well the answer analysis reads the labelled answers of
// data/followup/eval/ (src/followup/evaluate.ts); exit code 3 when either accuracy is under 90%.
import { evaluate, readEvalSet } from '../src/followup/evaluate.ts';

const set = readEvalSet();
const r = evaluate(set);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
process.stdout.write(`回访答复分析评测：${r.texts} 条（data/followup/eval/）\n`);
process.stdout.write(`问题类别完全正确：${pct(r.categoryAccuracy)}\n满意度正确：${pct(r.satisfactionAccuracy)}\n`);
process.stdout.write('类别              标注   识别   正确   精确率  召回率\n');
for (const c of r.perCategory) {
  const p = c.found ? c.correct / c.found : 1;
  const rc = c.truth ? c.correct / c.truth : 1;
  process.stdout.write(
    `${(c.label + '（' + c.code + '）').padEnd(22)} ${String(c.truth).padStart(4)} ${String(c.found).padStart(6)} ${String(c.correct).padStart(6)}   ${p.toFixed(3)}   ${rc.toFixed(3)}\n`,
  );
}
if (process.argv.includes('--misses'))
  for (const m of r.misses) process.stdout.write(`${m.at} 应为 ${m.expected}，得到 ${m.got}：${m.text}\n`);
else process.stdout.write(`（加 --misses 列出 ${r.misses.length} 条不一致）\n`);
process.exitCode = r.categoryAccuracy >= 0.9 && r.satisfactionAccuracy >= 0.9 ? 0 : 3;
