// The analysis of follow-up answers: complaint categories with the sentence that shows them, negation,
// chatter, questions asked by the interviewer, claims (how often, nobody came, fined and how much),
// numbers as people say them, and the labelled evaluation set (≥ 90 %, as `npm run eval:followup`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, respondentTurns } from '../src/followup/analyze.ts';
import { parseNumber } from '../src/followup/numbers.ts';
import { evaluate, readEvalSet } from '../src/followup/evaluate.ts';
import { analyzeAnswer } from '../src/followup/land.ts';
import { DEFAULT_QUESTIONNAIRES } from '../src/followup/questionnaire.ts';
import { parseLexicon } from '../src/followup/lexicon.ts';

const on = '2025-06-20';
const cats = (t: string) => analyzeText(t, on).categories.sort();

test('a complaint is found with the sentence that shows it; its denial is not a complaint', () => {
  const a = analyzeText('来检查的时候，他们暗示我们请吃饭。其他都还好。', on);
  assert.deepEqual(a.categories, ['bribery']);
  assert.equal(a.findings[0].sentence, '来检查的时候,他们暗示我们请吃饭');
  assert.equal(a.findings[0].serious, true);
  assert.equal(a.satisfaction, 'dissatisfied');
  for (const denied of [
    '没有乱收费，也没有吃拿卡要。',
    '执法人员一点都不凶，挺客气的。',
    '未发现态度粗暴、乱罚款等问题。',
    '不存在吃拿卡要的情况。',
  ]) {
    assert.deepEqual(cats(denied), [], denied);
    assert.equal(analyzeText(denied, on).satisfaction, 'satisfied', denied);
  }
  // Two negations cancel: 没有不文明 is praise, not a complaint about civility.
  assert.equal(analyzeText('没有不文明的地方。', on).satisfaction, 'satisfied');
});

test('chatter and the interviewer’s words are ignored; a bare "没有" answers the question asked', () => {
  assert.deepEqual(cats('喂？我在开车，你等一下……好了你说。最近生意不好做啊。'), []);
  assert.deepEqual(
    respondentTurns('回访员：有没有态度粗暴？企业：没有。').map((t) => t.text),
    ['没有。'],
  );
  assert.deepEqual(cats('回访员：检查人员是否出示了执法证件？企业：没有，直接就进来了。'), ['no_id']);
  assert.deepEqual(cats('回访员：检查人员是否出示了执法证件？企业：出示了。'), []);
  assert.deepEqual(cats('回访员：有没有吃拿卡要的情况？企业：没有，绝对没有。'), []);
  // Words match whole: 训 inside 培训, 查 inside 调查 are no complaint.
  assert.deepEqual(cats('企业：上次是来做消防安全培训的，还帮我们调查了隐患，挺好。'), []);
});

test('claims: a count of visits with its period, nobody came, fined and how much', () => {
  const visits = analyzeText('企业：这个月都来了四五趟了。', on).findings.find((f) => f.code === 'visit_count')!;
  assert.deepEqual([visits.value, visits.periodFrom, visits.periodTo], [4, '2025-06-01', '2025-06-20']);
  assert.deepEqual(cats('企业：这个月都来了四五趟了。'), ['repeat']);
  const last = analyzeText('企业：上个月来了三次。', on).findings.find((f) => f.code === 'visit_count')!;
  assert.deepEqual([last.periodFrom, last.periodTo], ['2025-05-01', '2025-05-31']);
  assert.deepEqual(cats('企业：一年就来一次，很合理。'), []);
  assert.ok(analyzeText('企业：根本没人来过啊。', on).findings.some((f) => f.code === 'nobody_came'));
  const fined = (t: string) => analyzeText(t, on).findings.find((f) => f.code === 'fined')?.value;
  assert.equal(fined('企业：罚了我们两千块。'), 2000);
  assert.equal(fined('企业：交了3000元罚款。'), 3000);
  assert.equal(fined('企业：罚款我们认的。'), null);
  assert.equal(fined('企业：没有罚款，给了个警告。'), undefined);
});

test('numbers as people say them', () => {
  for (const [t, n] of [
    ['五', 5],
    ['两千', 2000],
    ['三万', 30000],
    ['四五', 4],
    ['七八', 7],
    ['十二', 12],
    ['2000', 2000],
    ['1.5万', 15000],
    ['一万五', 15000],
  ] as const)
    assert.equal(parseNumber(t), n, t);
  assert.equal(parseNumber('几'), null);
});

test('per-question answers are read through the questionnaire; the respondent’s own score wins', () => {
  const row = {
    id: 'a',
    task_id: 't',
    region_code: '330111',
    answered_at: '2025-06-20T02:00:00Z',
    says_inspection: null,
    transcript: null,
    outcome: 'reached',
    channel: 'link',
  };
  const a = analyzeAnswer(
    { ...row, satisfaction: 4, answers: JSON.stringify({ q_visited: '是', q_id: '否', q_count: '6', q_favour: '否', q_sat: '4' }) },
    DEFAULT_QUESTIONNAIRES.inspection,
    'inspection',
  );
  assert.deepEqual(a.categories, ['no_id']);
  assert.equal(a.satisfaction, 'satisfied');
  assert.equal(a.findings.find((f) => f.code === 'visit_count')?.value, 6);
  const s = analyzeAnswer(
    { ...row, satisfaction: null, answers: JSON.stringify({ q_kind: '检查', q_sat: '2' }) },
    DEFAULT_QUESTIONNAIRES.service_visit,
    'service_visit',
  );
  assert.ok(s.findings.some((f) => f.code === 'inspection'));
  assert.equal(s.satisfaction, 'dissatisfied');
});

test('the lexicon file is checked line by line', () => {
  assert.throws(() => parseLexicon('bribery\tword\t好处\nnonsense\tword\tx\n'), /第2行/);
  assert.equal(parseLexicon('# c\nrude\tword\t凶\n').length, 1);
});

test('the labelled set: at least 300 texts, category and satisfaction accuracy at least 90 %', () => {
  const set = readEvalSet();
  assert.ok(set.length >= 300, `${set.length} texts`);
  assert.ok(set.filter((t) => t.categories.length === 0).length > 100, 'texts without a complaint (negations, chatter, praise)');
  const r = evaluate(set);
  assert.ok(r.categoryAccuracy >= 0.9, `categories ${r.categoryAccuracy}`);
  assert.ok(r.satisfactionAccuracy >= 0.9, `satisfaction ${r.satisfactionAccuracy}`);
});
