// Rules as data (规则库): the catalog tables with their columns as stored.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Literals, Nullable } from './schemas.ts';

const money = Nullable(Type.Number({ description: '元' }));

export const RegionEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parent_code: Nullable(Type.String()),
  level: Literals(['province', 'city', 'county', 'township']),
  is_demo: Type.Boolean(),
});
export const LineEntry = Type.Object({ code: Type.String(), name: Type.String() });
export const RegulationEntry = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Literals(['law', 'administrative_regulation', 'local_regulation', 'rule', 'normative']),
  version_date: Nullable(Type.String()),
  source: Nullable(Type.String()),
  /** verbatim: full text; partial: some articles; unavailable: cited by name only. */
  status: Literals(['verbatim', 'partial', 'unavailable']),
  article_count: Type.Integer(),
});
export const ItemEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Literals(['licence', 'inspection', 'penalty', 'coercion']),
  line_code: Type.String(),
  basis_regulation_id: Nullable(Type.String()),
  basis_article: Nullable(Type.Integer()),
  penalty_regulation_id: Nullable(Type.String()),
  penalty_article: Nullable(Type.Integer()),
  fine_min: money,
  fine_max: money,
  fine_note: Nullable(Type.String()),
  time_limit_days: Nullable(Type.Integer()),
});
export const InspectionItemEntry = Type.Object({
  code: Type.String(),
  item_code: Type.String(),
  name: Type.String(),
  line_code: Type.String(),
  /** The publishing level: 330000 or a city. */
  region_code: Type.String(),
  max_per_year: Type.Integer(),
});
export const WhitelistEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  region_code: Type.String(),
  line_code: Nullable(Type.String()),
});
export const ArticleEntry = Type.Object({
  number: Type.Integer(),
  /** 第三十三条 */
  label: Type.String(),
  /** Verbatim, paragraphs joined by \n; null when the corpus lacks the text. */
  text: Nullable(Type.String()),
});
export const RegulationDetail = Type.Object({
  regulation: Type.Omit(RegulationEntry, ['article_count']),
  articles: Type.Array(ArticleEntry),
});
export const TierEntry = Type.Object({
  baseline_id: Type.String(),
  tier: Literals(['exempt', 'mitigated', 'lenient', 'general', 'severe']),
  fine_min: Type.Number(),
  fine_max: Type.Number(),
  conditions: Type.String(),
});
export const BaselineEntry = Type.Object({
  id: Type.String(),
  item_code: Type.String(),
  /** 330000 province-wide, or a city refinement. */
  region_code: Type.String(),
  title: Type.String(),
  effective_from: Type.String(),
  item_name: Type.String(),
  tiers: Type.Array(TierEntry),
});
export const ExemptionEntry = Type.Object({
  id: Type.String(),
  item_code: Type.String(),
  region_code: Type.String(),
  domain: Type.String(),
  conditions: Type.String(),
  basis_regulation_id: Type.String(),
  basis_article: Type.Integer(),
  list_regulation_id: Nullable(Type.String()),
  item_name: Type.String(),
  /** The cited article's text (行政处罚法 第三十三条), null when the corpus lacks it. */
  basis_text: Nullable(Type.String()),
});

export const Rows = <T extends TSchema>(row: T) => Type.Object({ rows: Type.Array(row) });
export const BaselineQuery = Type.Object({ item: Type.Optional(Type.String({ maxLength: 40 })) });

export type RegionEntry = Static<typeof RegionEntry>;
export type LineEntry = Static<typeof LineEntry>;
export type RegulationEntry = Static<typeof RegulationEntry>;
export type ItemEntry = Static<typeof ItemEntry>;
export type InspectionItemEntry = Static<typeof InspectionItemEntry>;
export type WhitelistEntry = Static<typeof WhitelistEntry>;
export type ArticleEntry = Static<typeof ArticleEntry>;
export type RegulationDetail = Static<typeof RegulationDetail>;
export type TierEntry = Static<typeof TierEntry>;
export type BaselineEntry = Static<typeof BaselineEntry>;
export type ExemptionEntry = Static<typeof ExemptionEntry>;
