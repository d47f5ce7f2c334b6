// Follow-up (回访): request and response schemas of the campaigns, their draw, call lists, invitations,
// answers, reports, the duty list, the results and the public survey. The console's types are these
// (web/src/api.ts).
import { Type, type Static } from '@sinclair/typebox';
import { QUESTION_TYPES, MAPS } from '../followup/questionnaire.ts';
import { Literals, Nullable } from './schemas.ts';

const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};
export const CampaignParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const Code = Type.Object({ code: Type.String(), label: Type.String() });

export const Question = Type.Object({
  id: Type.String({ maxLength: 32 }),
  text: Type.String({ maxLength: 500 }),
  type: Literals(QUESTION_TYPES),
  options: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  showIf: Type.Optional(
    Type.Object({ question: Type.String({ maxLength: 32 }), equals: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }) }),
  ),
  maps: Type.Optional(Literals(MAPS)),
  required: Type.Optional(Type.Boolean()),
});
export const Questionnaire = Type.Object({
  title: Type.String({ maxLength: 200 }),
  intro: Type.String({ maxLength: 2000 }),
  questions: Type.Array(Question, { maxItems: 50 }),
});
const RuleParams = Type.Object({
  heavyFineMin: Type.Number(),
  repeatDays: Type.Number(),
  complaintDays: Type.Number(),
  lowRatingDays: Type.Number(),
  manyCluesMin: Type.Number(),
});
export const Settings = Type.Object({
  sampleSize: Type.Number(),
  quotaPerAgency: Type.Number(),
  noRepeatDays: Type.Number(),
  rules: Type.Array(Type.String()),
  ruleParams: RuleParams,
  secondCallShare: Type.Number(),
  secondCallDays: Type.Number(),
  invitationDays: Type.Number(),
  askers: Type.Array(Type.String()),
});

export const Meta = Type.Object({
  subjectKinds: Type.Array(Code),
  methods: Type.Array(Code),
  levels: Type.Array(Code),
  statuses: Type.Array(Code),
  rules: Type.Array(Code),
  categories: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), serious: Type.Boolean() })),
  claims: Type.Array(Code),
  satisfaction: Type.Array(Code),
  questionTypes: Type.Array(Type.String()),
  maps: Type.Array(Type.String()),
  defaultSettings: Settings,
  defaultQuestionnaires: Type.Record(Type.String(), Questionnaire),
});

const SummaryFields = {
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  level: Type.String(),
  levelLabel: Type.String(),
  subjectKind: Type.String(),
  subjectLabel: Type.String(),
  method: Type.String(),
  methodLabel: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  periodFrom: Nullable(Type.String()),
  periodTo: Nullable(Type.String()),
  createdAt: Type.String(),
};
const Stats = { tasks: Type.Integer(), answered: Type.Integer(), reached: Type.Integer(), calls: Type.Integer() };
/** A campaign in a list: what it is and how far its calls have come. */
export const CampaignSummary = Type.Object({ ...SummaryFields, ...Stats });
export const CampaignDetail = Type.Object({
  ...SummaryFields,
  ...Stats,
  seed: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  drawDigest: Nullable(Type.String()),
  questionnaire: Questionnaire,
  settings: Settings,
});
export const CampaignQuery = Type.Object({
  ...PageQuery,
  subjectKind: Type.Optional(Type.String({ maxLength: 20 })),
  method: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
});
export const CampaignPage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  rows: Type.Array(CampaignSummary),
});
export const CampaignBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  regionCode: Type.String({ maxLength: 12 }),
  subjectKind: Type.String({ maxLength: 20 }),
  method: Type.String({ maxLength: 20 }),
  periodFrom: Type.String({ maxLength: 10 }),
  periodTo: Type.String({ maxLength: 10 }),
  questionnaire: Type.Optional(Questionnaire),
  // Checked field by field against the defaults (a 400 naming the setting), so a partial object of any shape.
  settings: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown())),
});
export const CampaignCreated = Type.Object({
  campaign: Type.Object({ ...SummaryFields, questionnaire: Questionnaire, settings: Settings }),
});
export const CampaignAnswer = Type.Object({ campaign: CampaignDetail });

export const DrawBody = Type.Optional(Type.Object({ seed: Type.Optional(Type.String({ maxLength: 128 })) }));
export const DrawResult = Type.Object({
  seed: Type.String(),
  drawnAt: Type.String(),
  digest: Type.String(),
  candidates: Type.Integer(),
  excludedRecent: Type.Integer(),
  selected: Type.Integer(),
  byRule: Type.Record(Type.String(), Type.Integer()),
});
export const Verification = Type.Object({
  seed: Type.String(),
  drawnAt: Type.String(),
  sameCandidates: Type.Boolean(),
  same: Type.Boolean(),
  stored: Type.Integer(),
  redrawn: Type.Integer(),
  missing: Type.Array(Type.String()),
  extra: Type.Array(Type.String()),
  askersDiffer: Type.Array(Type.String()),
});

export const TaskQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Type.String({ maxLength: 20 })),
  rule: Type.Optional(Type.String({ maxLength: 40 })),
});
export const Task = Type.Object({
  id: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.String(),
  entityUscc: Nullable(Type.String()),
  entityName: Nullable(Type.String()),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  officerId: Nullable(Type.String()),
  officerName: Nullable(Type.String()),
  askerId: Nullable(Type.String()),
  askerName: Nullable(Type.String()),
  rule: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  channel: Type.String(),
  status: Type.String(),
  secondCallStatus: Nullable(Type.String()),
  secondCallDue: Nullable(Type.String()),
});
export const TaskPage = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(Task) });

export const Which = Type.Optional(
  Literals(['first', 'second', 'all'] as const, { description: 'first 待外呼；second 待人工复核；all 全部' }),
);
export const CallListQuery = Type.Object({ ...PageQuery, which: Which });
export const CallListCsvQuery = Type.Object({ which: Which });
export const CallScript = Type.Object({
  opening: Type.String(),
  steps: Type.Array(
    Type.Object({
      questionId: Type.String(),
      no: Type.Integer(),
      say: Type.String(),
      type: Literals(QUESTION_TYPES),
      options: Type.Array(Type.String()),
      branch: Nullable(Type.String()),
    }),
  ),
  closing: Type.String(),
});
export const CallListRow = Type.Object({
  taskId: Type.String(),
  campaignId: Type.String(),
  regionCode: Type.String(),
  entityUscc: Type.String(),
  entityName: Type.String(),
  phone: Nullable(Type.String()),
  agencyName: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.String(),
  date: Type.String(),
  what: Type.String(),
  rule: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  askerId: Nullable(Type.String()),
  askerName: Nullable(Type.String()),
  status: Type.String(),
  secondCallDue: Nullable(Type.String()),
  script: CallScript,
});
export const CallList = Type.Object({ total: Type.Integer(), rows: Type.Array(CallListRow) });

export const Invitation = Type.Object({
  taskId: Type.String(),
  entityName: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  expiresAt: Type.String(),
  used: Type.Boolean(),
  link: Type.String(),
});
export const InvitationList = Type.Object({ rows: Type.Array(Invitation) });
export const QrParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), taskId: Type.String({ maxLength: 64 }) });

export const AnswerQuery = Type.Object({ ...PageQuery, category: Type.Optional(Type.String({ maxLength: 40 })) });
export const Finding = Type.Object({
  kind: Literals(['complaint', 'claim'] as const),
  code: Type.String(),
  serious: Type.Boolean(),
  value: Nullable(Type.Number()),
  sentence: Type.String(),
});
export const Answer = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  entityName: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  answeredAt: Type.String(),
  outcome: Type.String(),
  channel: Nullable(Type.String()),
  score: Nullable(Type.Number()),
  transcript: Nullable(Type.String()),
  /** The per-question answers as stored (JSON text). */
  answers: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  praise: Nullable(Type.Boolean()),
  findings: Type.Array(Finding),
});
export const AnswerPage = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(Answer) });

export const CampaignReport = Type.Object({
  campaign: Type.Object(SummaryFields),
  totals: Type.Object({
    tasks: Type.Number(),
    contacted: Type.Number(),
    reached: Type.Number(),
    unreachable: Type.Number(),
    refused: Type.Number(),
    pending: Type.Number(),
    reachedRate: Type.Number(),
    secondCalls: Type.Object({ drawn: Type.Number(), done: Type.Number(), overdue: Type.Number() }),
  }),
  satisfaction: Type.Object({
    satisfied: Type.Number(),
    neutral: Type.Number(),
    dissatisfied: Type.Number(),
    unknown: Type.Number(),
    satisfiedRate: Type.Number(),
  }),
  byAgency: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String(),
      answers: Type.Number(),
      satisfied: Type.Number(),
      dissatisfied: Type.Number(),
      satisfiedRate: Type.Number(),
      averageScore: Nullable(Type.Number()),
      complaints: Type.Number(),
      praise: Type.Number(),
    }),
  ),
  byQuestion: Type.Array(
    Type.Object({
      questionId: Type.String(),
      text: Type.String(),
      type: Type.String(),
      answers: Type.Array(Type.Object({ value: Type.String(), count: Type.Number() })),
    }),
  ),
  categories: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), count: Type.Number() })),
  problems: Type.Object({
    found: Type.Number(),
    solved: Type.Number(),
    open: Type.Number(),
    rows: Type.Array(
      Type.Object({
        clueId: Type.String(),
        title: Type.String(),
        status: Type.String(),
        modelCode: Nullable(Type.String()),
        agencyName: Nullable(Type.String()),
      }),
    ),
  }),
});

export const OutcomesBody = Type.Object({
  sourceSystem: Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }),
  outcomes: Type.Array(
    Type.Object({
      callId: Type.String({ minLength: 1, maxLength: 128 }),
      taskId: Type.String({ minLength: 1, maxLength: 128 }),
      calledAt: Type.String({ maxLength: 40 }),
      outcome: Literals(['reached', 'unreachable', 'refused'] as const),
      channel: Type.Optional(Literals(['phone', 'human'] as const)),
      satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
      answers: Type.Optional(Type.Record(Type.String({ maxLength: 32 }), Type.String({ maxLength: 1000 }))),
      transcript: Type.Optional(Type.String({ maxLength: 20000 })),
    }),
    { minItems: 1, maxItems: 5000 },
  ),
});

export const DutyQuery = Type.Object({ agencyId: Type.Optional(Type.String({ maxLength: 64 })) });
export const DutyList = Type.Object({
  today: Type.String(),
  problems: Type.Array(
    Type.Object({
      clueId: Type.String(),
      title: Type.String(),
      status: Type.String(),
      modelCode: Nullable(Type.String()),
      agencyId: Nullable(Type.String()),
      agencyName: Nullable(Type.String()),
      deadline: Nullable(Type.String()),
      overdue: Type.Boolean(),
      foundOn: Type.String(),
      explanation: Type.String(),
    }),
  ),
  secondCalls: Type.Array(
    Type.Object({
      taskId: Type.String(),
      campaignId: Type.String(),
      entityName: Nullable(Type.String()),
      due: Type.String(),
      overdue: Type.Boolean(),
    }),
  ),
});

export const ResultsQuery = Type.Object({
  by: Type.Optional(Literals(['agency', 'officer'] as const)),
  from: Type.String({ maxLength: 10 }),
  to: Type.String({ maxLength: 10 }),
  regionCode: Type.Optional(Type.String({ maxLength: 12 })),
});
export const Results = Type.Object({
  rows: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      agencyId: Type.String(),
      answers: Type.Number(),
      satisfied: Type.Number(),
      neutral: Type.Number(),
      dissatisfied: Type.Number(),
      satisfiedRate: Type.Number(),
      praise: Type.Number(),
      complaints: Type.Number(),
      seriousComplaints: Type.Number(),
      problems: Type.Number(),
    }),
  ),
});

export const SurveyParams = Type.Object({ campaignId: Type.String({ maxLength: 64 }) });
export const SurveyQuery = Type.Object({ t: Type.String({ minLength: 1, maxLength: 1000 }) });
export const SurveyPage = Type.Object({
  campaignId: Type.String(),
  title: Type.String(),
  intro: Type.String(),
  subjectLabel: Type.String(),
  agencyName: Type.String(),
  date: Type.String(),
  expiresAt: Type.String(),
  questions: Type.Array(Question),
});
export const SurveyBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 1000 }),
  answers: Type.Record(Type.String({ maxLength: 32 }), Type.String({ maxLength: 2000 })),
});
export const SurveySubmitted = Type.Object({ answerId: Type.String(), message: Type.String() });

export type Question = Static<typeof Question>;
export type Questionnaire = Static<typeof Questionnaire>;
export type Settings = Static<typeof Settings>;
export type Meta = Static<typeof Meta>;
export type CampaignSummary = Static<typeof CampaignSummary>;
export type CampaignDetail = Static<typeof CampaignDetail>;
export type CampaignBody = Static<typeof CampaignBody>;
export type DrawResult = Static<typeof DrawResult>;
export type Verification = Static<typeof Verification>;
export type Task = Static<typeof Task>;
export type CallListRow = Static<typeof CallListRow>;
export type Invitation = Static<typeof Invitation>;
export type Finding = Static<typeof Finding>;
export type Answer = Static<typeof Answer>;
export type CampaignReport = Static<typeof CampaignReport>;
export type DutyList = Static<typeof DutyList>;
export type SurveyPage = Static<typeof SurveyPage>;
