// The follow-up console's pure parts, without a browser: the report charts (rows → ECharts option)
// and the survey page's branch rules, checked against the server's questionnaire rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followupAgencyOption, AGENCY_TOP_N } from '../web/src/charts/followup-agency-option.ts';
import { followupCategoriesOption } from '../web/src/charts/followup-categories-option.ts';
import { answersToSend, isShown, missingAnswer } from '../web/src/followup/survey-rules.ts';
import { DEFAULT_QUESTIONNAIRES, answersProblem, isShown as serverIsShown } from '../src/followup/questionnaire.ts';
import type { CampaignReport } from '../web/src/api.ts';

const agency = (i: number, answers: number, satisfied: number, dissatisfied: number): CampaignReport['byAgency'][number] => ({
  agencyId: `A${i}`,
  agencyName: `部门${i}`,
  answers,
  satisfied,
  dissatisfied,
  satisfiedRate: satisfied / answers,
  averageScore: null,
  complaints: 0,
  praise: 0,
});

test('satisfaction by agency: the agencies with most answers, largest on top, stacked satisfied / other / dissatisfied', () => {
  const rows = Array.from({ length: 15 }, (_, i) => agency(i, 10 + i, 5, 2));
  const o = followupAgencyOption(rows);
  const y = (o.yAxis as { data: string[] }).data;
  assert.equal(y.length, AGENCY_TOP_N);
  assert.equal(y[y.length - 1], '部门14', 'the most answers at the top (last on the axis)');
  const series = o.series as { name: string; data: number[]; stack: string }[];
  assert.deepEqual(
    series.map((s) => s.name),
    ['满意', '一般', '不满意'],
  );
  assert.ok(series.every((s) => s.stack === 'answers'));
  const top = y.length - 1;
  assert.equal(series[0].data[top] + series[1].data[top] + series[2].data[top], 24, 'the three parts add up to the answers');
});

test('complaint categories: one bar per category in the report’s order, serious ones red', () => {
  const o = followupCategoriesOption([
    { code: 'bribery', label: '吃拿卡要', count: 2 },
    { code: 'repeat', label: '重复检查', count: 5 },
  ]);
  assert.deepEqual((o.xAxis as { data: string[] }).data, ['吃拿卡要', '重复检查']);
  const data = (o.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0].data;
  assert.deepEqual(
    data.map((d) => [d.value, d.itemStyle.color]),
    [
      [2, '#f5222d'],
      [5, '#fa8c16'],
    ],
  );
});

test('the survey page opens and closes branches as the server does, and sends only the questions asked', () => {
  for (const kind of ['inspection', 'case', 'service_visit'] as const) {
    const q = DEFAULT_QUESTIONNAIRES[kind];
    for (const first of [...(q.questions[0].options ?? ['是', '否']), '']) {
      const answers = { [q.questions[0].id]: first };
      for (const x of q.questions) assert.equal(isShown(x, answers), serverIsShown(x, answers), `${kind} ${x.id} after ${first}`);
    }
  }
  const q = DEFAULT_QUESTIONNAIRES.inspection.questions;
  const given = { q_visited: '否', q_id: '是', q_sat: '3' };
  const sent = answersToSend(q, given);
  assert.deepEqual(sent, { q_visited: '否', q_sat: '3' }, 'a closed branch drops its answer');
  assert.equal(answersProblem(DEFAULT_QUESTIONNAIRES.inspection, sent), null, 'what the page sends, the server takes');
  assert.equal(missingAnswer(q, { q_visited: '是' })?.id, 'q_sat');
  assert.equal(missingAnswer(q, sent), null);
});
