// The navigator's contract: what an assessment takes and returns, as TypeBox schemas. The HTTP route
// validates and serialises with them, the OpenAPI document shows them, and the TypeScript types of
// assess() and of the console are Static<> of the same objects, so the three cannot drift apart.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A union of string literals that keeps its literal type (a plain map widens it to string). */
function Literals<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}

export const HARMS = ['none', 'minor', 'serious'] as const;
export const DECISIONS = ['no_penalty', 'warning', 'fine'] as const;
export const TIER_CODES = ['exempt', 'mitigated', 'lenient', 'general', 'severe'] as const;

/** Yuan: the API accepts any number and assess() names the field of a negative or absurd one in Chinese. */
const Yuan = Type.Number({ description: '元' });

export const AssessFacts = Type.Object(
  {
    firstOffence: Type.Boolean({ description: '是否初次违法' }),
    corrected: Type.Boolean({ description: '是否及时改正' }),
    harm: Literals(HARMS),
    illegalGains: Type.Optional(Nullable(Yuan)),
    amountInvolved: Type.Optional(Nullable(Yuan)),
    lossAmount: Type.Optional(Nullable(Yuan)),
    cooperation: Type.Optional(Type.Boolean({ description: '积极配合调查' })),
    repeatWithinMonths: Type.Optional(Nullable(Type.Number({ description: '距上次因同一违法行为受处罚的月数' }))),
    text: Type.Optional(Nullable(Type.String({ maxLength: 5000, description: '违法事实（自由文本）' }))),
  },
  { additionalProperties: false },
);

export const ProposedDecision = Type.Object(
  {
    decision: Literals(DECISIONS),
    fine: Type.Optional(Nullable(Yuan)),
    confiscation: Type.Optional(Type.Boolean({ description: '没收违法所得' })),
  },
  { additionalProperties: false },
);

export const AssessRequest = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 200, description: '处罚事项：编码、名称或日常说法' }),
    regionCode: Type.String({ maxLength: 9 }),
    facts: AssessFacts,
    proposed: Type.Optional(Nullable(ProposedDecision)),
    asOf: Type.Optional(Type.String({ description: 'YYYY-MM-DD，默认今天' })),
  },
  { additionalProperties: false },
);
export type AssessRequest = Static<typeof AssessRequest>;
export type AssessFacts = Static<typeof AssessFacts>;
export type ProposedDecision = Static<typeof ProposedDecision>;

const ArticleRef = Type.Object({
  regulationId: Type.String(),
  title: Type.String(),
  number: Nullable(Type.Integer()),
  label: Nullable(Type.String()),
  /** Verbatim from data/law; null when the regulation's text is not held. */
  text: Nullable(Type.String()),
  held: Type.Boolean(),
  /** '《…》第N条' or '《…》（条文未收录）'. */
  citation: Type.String(),
});
export type ArticleRef = Static<typeof ArticleRef>;

const Tier = Type.Object({
  tier: Literals(TIER_CODES),
  label: Type.String(),
  min: Type.Number(),
  max: Type.Number(),
  conditions: Type.String(),
});

const Spread = Type.Object({
  count: Type.Integer(),
  min: Type.Number(),
  q1: Type.Number(),
  median: Type.Number(),
  q3: Type.Number(),
  max: Type.Number(),
  iqr: Type.Number(),
  mad: Type.Number(),
});

const Bin = Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() });

export const DecisionHistory = Type.Object({
  scope: Type.Object({ code: Type.String(), name: Type.String() }),
  /** Decided cases of the item in the scope within the look-back window. */
  decisions: Type.Integer(),
  noPenalty: Type.Integer(),
  warnings: Type.Integer(),
  fined: Type.Integer(),
  noPenaltyShare: Nullable(Type.Number()),
  /** The fines' spread; null when fewer than `minDecisions` fines (no median of three). */
  fines: Nullable(Spread),
  tooFew: Type.Boolean(),
  histogram: Type.Array(Bin),
});
export type DecisionHistory = Static<typeof DecisionHistory>;

const SimilarCase = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyName: Nullable(Type.String()),
  entityName: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  tier: Nullable(Type.String()),
  fine: Nullable(Type.Number()),
  facts: Type.Object({ firstOffence: Type.Boolean(), corrected: Type.Boolean(), harm: Type.String() }),
  score: Type.Number(),
  /** Why it is similar, in Chinese. */
  why: Type.Array(Type.String()),
  sharedTerms: Type.Array(Type.String()),
  /** The facts text cut into pieces, those holding a shared term marked. */
  text: Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() })),
});
export type SimilarCase = Static<typeof SimilarCase>;

export const AssessResult = Type.Object({
  asOf: Type.String(),
  item: Type.Object({ code: Type.String(), name: Type.String(), lineCode: Type.String(), lineName: Type.String() }),
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  law: Type.Object({
    violated: Nullable(ArticleRef),
    penalty: Nullable(ArticleRef),
    statutory: Type.Object({ min: Nullable(Type.Number()), max: Nullable(Type.Number()), note: Nullable(Type.String()) }),
  }),
  baseline: Nullable(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      regionCode: Type.String(),
      regionName: Type.String(),
      level: Literals(['province', 'city', 'county'] as const),
      effectiveFrom: Type.String(),
      /** The broader baselines in force that this one replaces (never merged with). */
      replaces: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), regionName: Type.String() })),
      tiers: Type.Array(Tier),
    }),
  ),
  tier: Type.Object({
    tier: Literals(TIER_CODES),
    label: Type.String(),
    /** The tier's range in the governing baseline; null without a baseline in force. */
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    condition: Type.String(),
    citations: Type.Array(ArticleRef),
  }),
  exemption: Type.Object({
    status: Literals(['applies', 'may_apply', 'not_applicable'] as const),
    reason: Type.String(),
    entries: Type.Array(
      Type.Object({
        id: Type.String(),
        regionCode: Type.String(),
        regionName: Type.String(),
        conditions: Type.String(),
        list: Nullable(ArticleRef),
      }),
    ),
    citations: Type.Array(ArticleRef),
  }),
  history: Type.Object({
    lookbackDays: Type.Integer(),
    minDecisions: Type.Integer(),
    region: DecisionHistory,
    province: DecisionHistory,
    /** The peers the proposed fine is measured against (裁量偏离: same city, item and tier). */
    peers: Type.Object({
      scope: Type.String(),
      tier: Literals(TIER_CODES),
      count: Type.Integer(),
      median: Nullable(Type.Number()),
      mad: Nullable(Type.Number()),
    }),
  }),
  recommendation: Type.Object({
    decision: Literals(DECISIONS),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    text: Type.String(),
  }),
  verdict: Nullable(
    Type.Object({
      decision: Literals(DECISIONS),
      fine: Nullable(Type.Number()),
      position: Nullable(Literals(['inside', 'above', 'below'] as const)),
      robustZ: Nullable(Type.Number()),
      zThreshold: Type.Number(),
      review: Type.Boolean(),
      reasons: Type.Array(Type.String()),
    }),
  ),
  similar: Type.Array(SimilarCase),
  notes: Type.Array(Type.String()),
});
export type AssessResult = Static<typeof AssessResult>;

export const ItemMatch = Type.Object({
  code: Type.String(),
  name: Type.String(),
  lineName: Type.String(),
  /** How the query matched: the code, the name, or an everyday word (the word). */
  matchedBy: Literals(['code', 'name', 'synonym', 'similar'] as const),
  matched: Type.String(),
  score: Type.Number(),
});
export type ItemMatch = Static<typeof ItemMatch>;

const ProcedureStep = Type.Object({
  key: Type.String(),
  label: Type.String(),
  modelCode: Type.String(),
  basis: ArticleRef,
  dueOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
  status: Literals(['done', 'done_late', 'pending', 'overdue', 'not_applicable'] as const),
  note: Type.String(),
});
export type ProcedureStep = Static<typeof ProcedureStep>;

/** 执法精灵: everything the officer handling one case needs. */
export const CaseGuide = Type.Object({
  case: Type.Object({
    id: Type.String(),
    itemCode: Type.String(),
    regionCode: Type.String(),
    agencyName: Nullable(Type.String()),
    entityName: Nullable(Type.String()),
    filedOn: Type.String(),
    decidedOn: Nullable(Type.String()),
    decision: Nullable(Type.String()),
    tier: Nullable(Type.String()),
    fine: Nullable(Type.Number()),
    facts: Nullable(Type.String()),
  }),
  assessment: AssessResult,
  procedure: Type.Array(ProcedureStep),
});
export type CaseGuide = Static<typeof CaseGuide>;

/** A decision flagged for review (待复核): the clues the discretion models raised on one case. */
export const ReviewRow = Type.Object({
  caseId: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyName: Nullable(Type.String()),
  entityName: Nullable(Type.String()),
  itemCode: Type.String(),
  itemName: Type.String(),
  decidedOn: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  tier: Nullable(Type.String()),
  fine: Nullable(Type.Number()),
  flaggedAt: Type.String(),
  reasons: Type.Array(
    Type.Object({
      modelCode: Type.String(),
      modelName: Type.String(),
      clueId: Type.String(),
      status: Type.String(),
      explanation: Type.String(),
    }),
  ),
});
export type ReviewRow = Static<typeof ReviewRow>;
