// 假服务真检查 (fake-service-visit.ts), judged in code when a follow-up answer arrives.
import type { Check, KindChecks } from './judge.ts';
import type { Answer } from './state.ts';

export interface AnswerRow {
  id: string;
  task_id: string;
  region_code: string;
  answered_at: string;
  says_inspection: boolean | null;
}

const byTime = (a: Answer, b: Answer) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// The answers of the record's run group that say the visit was an inspection, named on the visit.
const fakeService: Check<AnswerRow> = async (r, ctx) => {
  const { state } = ctx;
  if (r.says_inspection !== true) return [];
  const visitId = await state.visitOfTask(r.task_id);
  if (visitId === null) return [];
  const answers = (state.inspectionAnswers.get(visitId) ?? []).filter((a) => ctx.groups.of(a.region) === ctx.group).sort(byTime);
  const v = answers.length ? await state.serviceVisit(visitId) : null;
  if (!v) return [];
  return [
    {
      row: {
        subject_kind: 'service_visit',
        subject_id: v.id,
        region_code: v.region_code,
        agency_id: v.agency_id,
        window_key: '',
        evidence_ids: v.id,
        subject_name: state.entity(v.entity_uscc)?.name ?? null,
        entity_uscc: v.entity_uscc,
        agency_name: state.agencyName(v.agency_id),
        visited_on: v.visited_on,
        topic: v.topic,
        officer_id: v.officer_id,
        answer_ids: answers.map((a) => a.id).join(','),
      },
      params: ctx.params,
    },
  ];
};

export const answerChecks: KindChecks<AnswerRow> = {
  parts: ['followup'],
  columns: ['id', 'task_id', 'region_code', 'answered_at', 'says_inspection'],
  observe: (state, r) => state.putAnswer(r),
  checks: { INS_FAKE_SERVICE: fakeService },
};
