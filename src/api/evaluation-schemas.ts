// Evaluation (效能评价), the 驾驶舱 snapshot, situation reports (态势分析通报) and case-file reviews
// (案卷评查): request and response schemas. The console's types are these (web/src/evaluation/evaluation-api.ts).
import { Type, type Static } from '@sinclair/typebox';
import { LEVELS } from '../evaluation/indicators/indicator.ts';
import { COCKPIT_METRICS } from '../evaluation/cockpit.ts';
import { Literals, Nullable, Row } from './schemas.ts';

export const Level = Literals(LEVELS);
export const PeriodParam = Type.Optional(
  Type.String({ maxLength: 10, description: '2025 | 2025H2 | 2025Q4 | 2025-11；默认为评价日所在季度（未满则上一季度）' }),
);
export const RegionParam = Type.Optional(Type.String({ maxLength: 9, description: '评价的区划（本人辖区内），默认本人辖区' }));

export const ScoringRule = Type.Union([
  Type.Object({ kind: Type.Literal('linear'), zeroAt: Type.Number() }),
  Type.Object({ kind: Type.Literal('thresholds'), steps: Type.Array(Type.Object({ reach: Type.Number(), score: Type.Number() })) }),
  Type.Object({ kind: Type.Literal('rank') }),
]);
const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')]);

export const PeriodInfo = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  from: Type.String(),
  to: Type.String(),
  label: Type.String(),
});

/** What every view of an indicator says about it: its code, names, definition, unit, direction and scoring. */
const indicatorFacts = {
  code: Type.String(),
  name: Type.String(),
  group: Type.String(),
  groupName: Type.String(),
  definition: Type.String(),
  unit: Type.String(),
  direction: Direction,
  scoring: ScoringRule,
};

export const IndicatorColumn = Type.Object({
  ...indicatorFacts,
  recordKind: Type.String(),
  target: Type.Number(),
  weight: Type.Number(),
});
export const Cell = Type.Object({
  value: Nullable(Type.Number()),
  score: Nullable(Type.Number()),
  num: Type.Number(),
  den: Type.Number(),
  records: Type.Number(),
});
export const ScoreRow = Type.Object({
  subject: Type.Object({ id: Type.String(), name: Type.String(), regionCode: Type.String(), agencyId: Nullable(Type.String()) }),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Number()),
  groups: Type.Record(Type.String(), Nullable(Type.Number())),
  cells: Type.Record(Type.String(), Cell),
});
export const ScorecardQuery = Type.Object({ level: Level, regionCode: RegionParam, period: PeriodParam });
export const Scorecard = Type.Object({
  level: Level,
  regionCode: Type.String(),
  period: PeriodInfo,
  asOf: Type.String(),
  indicators: Type.Array(IndicatorColumn),
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  rows: Type.Array(ScoreRow),
  /** Subjects ranked (an agency sees its own row among this many). */
  of: Type.Integer(),
});

export const RecordsQuery = Type.Object({
  indicator: Type.String({ maxLength: 40 }),
  level: Level,
  subject: Type.String({ minLength: 1, maxLength: 64 }),
  regionCode: RegionParam,
  period: PeriodParam,
  numeratorOnly: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export const RecordsPage = Type.Object({
  indicator: Type.Object({ code: Type.String(), name: Type.String(), unit: Type.String(), recordKind: Type.String() }),
  total: Type.Integer(),
  numerator: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      recordId: Type.String(),
      regionCode: Type.String(),
      agencyId: Nullable(Type.String()),
      officerId: Nullable(Type.String()),
      num: Type.Number(),
      den: Type.Number(),
    }),
  ),
});

const Setting = Type.Object({
  regionCode: Type.String(),
  enabled: Nullable(Type.Boolean()),
  weight: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  groupCode: Nullable(Type.String()),
});
export const IndicatorEntry = Type.Object({
  ...indicatorFacts,
  levels: Type.Array(Level),
  recordKind: Type.String(),
  defaults: Type.Object({ weight: Type.Number(), target: Type.Number(), group: Type.String() }),
  inForce: Type.Object({ enabled: Type.Boolean(), weight: Type.Number(), target: Type.Number(), group: Type.String() }),
  settings: Type.Array(Setting),
});
export const Group = Type.Object({ code: Type.String(), name: Type.String(), builtIn: Type.Boolean() });
export const IndicatorList = Type.Object({
  groups: Type.Array(Group),
  levels: Type.Array(Type.Object({ code: Level, label: Type.String() })),
  rows: Type.Array(IndicatorEntry),
});
export const SettingParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const SettingBody = Type.Object({
  regionCode: Type.String({ maxLength: 9 }),
  enabled: Type.Optional(Nullable(Type.Boolean())),
  weight: Type.Optional(Nullable(Type.Number())),
  target: Type.Optional(Nullable(Type.Number())),
  groupCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
});
export const SettingAnswer = Type.Object({ setting: Type.Intersect([Type.Object({ indicatorCode: Type.String() }), Setting]) });
export const GroupBody = Type.Object({ code: Type.String({ maxLength: 32 }), name: Type.String({ maxLength: 40 }) });
export const GroupAnswer = Type.Object({ group: Group });

export const Figure = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Number(),
  lastYear: Type.Number(),
  yoy: Nullable(Type.Number()),
});
/** One row per month: `month` (YYYY-MM) and a count per figure key (inspections, cases, fines …). */
const ByMonth = Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])));
const CluesByModel = Type.Array(
  Type.Object({
    modelCode: Nullable(Type.String()),
    name: Type.String(),
    source: Type.String(),
    clues: Type.Number(),
    open: Type.Number(),
  }),
);
export const ProfileParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ProfileQuery = Type.Object({ period: PeriodParam });
export const AgencyProfile = Type.Object({
  agency: Type.Object({
    id: Type.String(),
    name: Type.String(),
    lineName: Type.String(),
    regionName: Type.String(),
    regionCode: Type.String(),
  }),
  period: PeriodInfo,
  figures: Type.Array(Figure),
  byMonth: ByMonth,
  cluesByModel: CluesByModel,
  notices: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      number: Type.String(),
      title: Nullable(Type.String()),
      issuedOn: Type.String(),
      deadline: Nullable(Type.String()),
      status: Type.String(),
    }),
  ),
  satisfaction: Type.Object({
    answers: Type.Number(),
    meanScore: Nullable(Type.Number()),
    satisfiedShare: Nullable(Type.Number()),
    saysInspection: Type.Number(),
  }),
  scoreHistory: Type.Array(
    Type.Object({
      period: Type.String(),
      label: Type.String(),
      score: Nullable(Type.Number()),
      rank: Nullable(Type.Number()),
      of: Type.Number(),
    }),
  ),
});
export const OfficerProfile = Type.Object({
  officer: Type.Object({
    id: Type.String(),
    name: Type.String(),
    agencyId: Type.String(),
    agencyName: Type.String(),
    regionCode: Type.String(),
    idNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
  period: PeriodInfo,
  certificates: Type.Array(
    Type.Object({
      number: Type.String(),
      issuedOn: Type.String(),
      expiresOn: Type.String(),
      status: Type.String(),
      validAtPeriodEnd: Type.Boolean(),
    }),
  ),
  figures: Type.Array(Figure),
  inspections: Type.Array(Row),
  cases: Type.Array(Row),
  cluesByModel: CluesByModel,
  outliers: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      value: Type.Number(),
      peerMean: Type.Number(),
      peers: Type.Number(),
      z: Type.Number(),
      outlier: Type.Boolean(),
    }),
  ),
});
export const EntityParams = Type.Object({ uscc: Type.String({ maxLength: 18 }) });
export const EntityProfile = Type.Object({
  entity: Type.Object({
    uscc: Type.String(),
    name: Type.String(),
    regionCode: Type.String(),
    industry: Nullable(Type.String()),
    legalRep: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    registeredOn: Nullable(Type.String()),
  }),
  period: PeriodInfo,
  burden: Type.Object({
    inspections: Type.Number(),
    agencies: Type.Number(),
    countyMeanPerEntity: Nullable(Type.Number()),
    byAgency: Type.Array(Type.Object({ agencyId: Type.String(), agencyName: Type.String(), inspections: Type.Number() })),
  }),
  byMonth: ByMonth,
  cases: Type.Array(Row),
  complaints: Type.Array(
    Type.Object({
      id: Type.String(),
      receivedAt: Type.String(),
      category: Type.String(),
      content: Nullable(Type.String()),
      status: Type.String(),
      agencyId: Nullable(Type.String()),
    }),
  ),
  followupAnswers: Type.Array(
    Type.Object({
      id: Type.String(),
      answeredAt: Type.String(),
      satisfaction: Nullable(Type.Number()),
      saysInspection: Nullable(Type.Boolean()),
      subjectKind: Type.String(),
      subjectId: Type.String(),
    }),
  ),
});

export const CockpitMetric = Literals(Object.keys(COCKPIT_METRICS) as (keyof typeof COCKPIT_METRICS)[]);
export const CockpitQuery = Type.Object({ regionCode: RegionParam, metric: Type.Optional(CockpitMetric) });
export const CockpitSnapshot = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  asOf: Type.String(),
  metric: CockpitMetric,
  metricLabel: Type.String(),
  counters: Type.Record(Type.String(), Type.Number()),
  flow: Type.Array(Type.Object({ stage: Type.String(), count: Type.Number() })),
  map: Type.Object({
    kind: Type.Union([Type.Literal('province'), Type.Literal('city')]),
    name: Type.String(),
    code: Type.String(),
    highlight: Nullable(Type.String()),
    areas: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), value: Nullable(Type.Number()) })),
  }),
  overdue: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      regionName: Type.String(),
      agencyName: Nullable(Type.String()),
      deadline: Type.String(),
      daysOver: Type.Number(),
      escalation: Nullable(Type.String()),
    }),
  ),
  rankings: Type.Object({
    regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), value: Type.Number() })),
    agencies: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), open: Type.Number(), overdue: Type.Number() })),
  }),
});

// ── situation reports ────────────────────────────────────────────────────────────────────────────
export const ReportEntry = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  period: Type.String(),
  number: Type.String(),
  title: Type.String(),
  issuer: Type.String(),
  trigger: Literals(['schedule', 'request', 'cli'] as const),
  createdBy: Type.String(),
  createdAt: Type.String(),
  download: Type.String(),
  pdf: Type.String(),
});
export const ReportList = Type.Object({ rows: Type.Array(ReportEntry), pdf: Type.Boolean() });
export const ReportBody = Type.Object({ regionCode: Type.Optional(Type.String({ maxLength: 9 })), period: Type.String({ maxLength: 10 }) });
export const ReportParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The report's figures, chart data, lists and recommendations, as src/evaluation/report gathers them. */
export const ReportAnswer = Type.Object({ report: Type.Intersect([ReportEntry, Type.Object({ content: Type.Unknown() })]) });
export const ReportCreated = Type.Object({ report: ReportEntry });

// ── case-file reviews ────────────────────────────────────────────────────────────────────────────
export const ChecklistItem = Type.Object({
  code: Type.String(),
  section: Type.String(),
  sectionLabel: Type.String(),
  name: Type.String(),
  points: Type.Number(),
  serious: Type.Boolean(),
  sort: Type.Optional(Type.Number()),
  active: Type.Boolean(),
});
export const Checklist = Type.Object({ sections: Type.Record(Type.String(), Type.String()), rows: Type.Array(ChecklistItem) });
export const ChecklistRows = Type.Object({ rows: Type.Array(ChecklistItem) });
export const ChecklistParams = Type.Object({ code: Type.String({ maxLength: 10 }) });
export const ChecklistBody = Type.Object({
  section: Type.String({ maxLength: 20 }),
  name: Type.String({ maxLength: 200 }),
  points: Type.Integer(),
  serious: Type.Boolean(),
  sort: Type.Integer({ minimum: 0, maximum: 10_000 }),
  active: Type.Boolean(),
});
export const ReviewRound = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  decidedFrom: Type.String(),
  decidedTo: Type.String(),
  perAgency: Type.Number(),
  seed: Type.String(),
  createdAt: Type.Optional(Type.String()),
  files: Type.Number(),
  scored: Type.Number(),
  meanScore: Nullable(Type.Number()),
});
export const RoundList = Type.Object({ rows: Type.Array(ReviewRound) });
export const RoundBody = Type.Object({
  regionCode: Type.Optional(Type.String({ maxLength: 9 })),
  name: Type.String({ maxLength: 200 }),
  decidedFrom: Type.String({ maxLength: 10 }),
  decidedTo: Type.String({ maxLength: 10 }),
  perAgency: Type.Integer(),
  reviewers: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
  seed: Type.Optional(Type.String({ maxLength: 64 })),
});
export const RoundCreated = Type.Object({ id: Type.String(), seed: Type.String(), files: Type.Number() });
export const ReviewParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ReviewFileRow = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  agency_id: Type.String(),
  agency_name: Nullable(Type.String()),
  reviewer_id: Type.String(),
  reviewer_name: Nullable(Type.String()),
  status: Literals(['pending', 'scored'] as const),
  score: Nullable(Type.Number()),
  serious_defect: Nullable(Type.Boolean()),
  clue_id: Nullable(Type.String()),
  mine: Type.Boolean(),
});
export const RoundDetail = Type.Object({
  round: ReviewRound,
  files: Type.Array(ReviewFileRow),
  agencies: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      agencyName: Nullable(Type.String()),
      files: Type.Number(),
      scored: Type.Number(),
      serious: Type.Number(),
      meanScore: Nullable(Type.Number()),
    }),
  ),
});
export const FileDetail = Type.Object({
  file: Type.Intersect([
    Type.Omit(ReviewFileRow, ['agency_name', 'reviewer_name']),
    Type.Object({ round_id: Type.String(), region_code: Type.String(), summary: Nullable(Type.String()) }),
  ]),
  case: Nullable(Row),
  deliveries: Type.Array(Row),
  payments: Type.Array(Row),
  checklist: Type.Array(ChecklistItem),
  scores: Type.Array(
    Type.Object({
      item_code: Type.String(),
      section: Type.String(),
      name: Type.String(),
      max_points: Type.Number(),
      serious: Type.Boolean(),
      points: Type.Number(),
      note: Nullable(Type.String()),
    }),
  ),
});
export const ScoreBody = Type.Object({
  items: Type.Array(
    Type.Object({ code: Type.String({ maxLength: 10 }), points: Type.Number(), note: Type.Optional(Type.String({ maxLength: 1000 })) }),
    {
      maxItems: 100,
    },
  ),
  summary: Type.Optional(Type.String({ maxLength: 2000 })),
  seriousDefect: Type.Optional(Type.Boolean()),
});
export const ScoreAnswer = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  seriousDefect: Type.Boolean(),
  clueId: Nullable(Type.String()),
});

export type Scorecard = Static<typeof Scorecard>;
export type ScoreRow = Static<typeof ScoreRow>;
export type Cell = Static<typeof Cell>;
export type IndicatorColumn = Static<typeof IndicatorColumn>;
export type PeriodInfo = Static<typeof PeriodInfo>;
export type RecordsPage = Static<typeof RecordsPage>;
export type IndicatorEntry = Static<typeof IndicatorEntry>;
export type IndicatorList = Static<typeof IndicatorList>;
export type SettingBody = Static<typeof SettingBody>;
export type Figure = Static<typeof Figure>;
export type AgencyProfile = Static<typeof AgencyProfile>;
export type OfficerProfile = Static<typeof OfficerProfile>;
export type EntityProfile = Static<typeof EntityProfile>;
export type CockpitSnapshot = Static<typeof CockpitSnapshot>;
export type ReportEntry = Static<typeof ReportEntry>;
export type ReportList = Static<typeof ReportList>;
export type ReportBody = Static<typeof ReportBody>;
export type ChecklistItem = Static<typeof ChecklistItem>;
export type ReviewRound = Static<typeof ReviewRound>;
export type RoundBody = Static<typeof RoundBody>;
export type RoundCreated = Static<typeof RoundCreated>;
export type RoundDetail = Static<typeof RoundDetail>;
export type ReviewFileRow = Static<typeof ReviewFileRow>;
export type FileDetail = Static<typeof FileDetail>;
export type ScoreBody = Static<typeof ScoreBody>;
export type ScoreAnswer = Static<typeof ScoreAnswer>;
