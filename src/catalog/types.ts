// Records of the reference catalog (rules as data, 权力规则化、规则数字化). Field names are the columns
// of the tables they load into (src/store/migrations/001_schema.sql, 002_catalog.sql), so a row read
// back with store.query<Item>('SELECT * FROM items') has the same shape as the record in data/catalog.
// Fields marked "catalog only" live in the JSON and in memory, not in the store.

export type RegionLevel = 'province' | 'city' | 'county';

/** 区划: GB/T 2260 code; province → city (地级市) → county (区/县/县级市). */
export interface Region {
  code: string;
  name: string;
  parent_code: string | null;
  level: RegionLevel;
}

/** 条线: an enforcement domain, one per provincial enforcement unit. */
export interface Line {
  code: string;
  name: string;
  /** catalog only: the usual name of the agency at city/county level, e.g. 市场监督管理局. */
  department: string;
  /** catalog only: levels at which the line has agencies (vertically managed lines have none below province/city). */
  levels: RegionLevel[];
}

export type RegulationKind = 'law' | 'administrative_regulation' | 'local_regulation' | 'rule' | 'normative';
/** verbatim: full text in data/law; partial: only some articles; unavailable: cited by name, no text. */
export type RegulationStatus = 'verbatim' | 'partial' | 'unavailable';

/** 法规. */
export interface Regulation {
  id: string;
  title: string;
  kind: RegulationKind;
  version_date: string | null;
  source: string | null;
  status: RegulationStatus;
}

/** 条款: one article, text verbatim from data/law (paragraphs joined by \n), NULL when not in the corpus. */
export interface Article {
  regulation_id: string;
  number: number;
  label: string;
  text: string | null;
  /** catalog only: the chapter (and section) heading the article sits under, e.g. 第五章 法律责任. */
  chapter?: string | null;
}

export type ItemKind = 'licence' | 'inspection' | 'penalty' | 'coercion';

/** 执法事项. Money in yuan; fine_min/fine_max only where the penalty article gives the numbers. */
export interface Item {
  code: string;
  name: string;
  kind: ItemKind;
  line_code: string;
  /** the article the item enforces (the duty or the power). */
  basis_regulation_id: string | null;
  basis_article: number | null;
  /** the article that sets the penalty (penalty items). */
  penalty_regulation_id: string | null;
  penalty_article: number | null;
  fine_min: number | null;
  fine_max: number | null;
  /** when the statutory range applies, as the penalty article says (e.g. 拒不改正的; 货值金额不足一万元的). */
  fine_note: string | null;
  /** catalog only: where the penalty article's 情节严重 band starts; the baseline's severe tier begins there. */
  serious_from?: number | null;
  /** statutory time limit in working days (licences: 行政许可法 第四十二条) or days (coercion: 行政强制法 第二十五条). */
  time_limit_days: number | null;
}

/** 涉企行政检查事项: a published inspection item with its frequency limit per entity and year. */
export interface InspectionItem {
  code: string;
  item_code: string;
  name: string;
  line_code: string;
  region_code: string;
  max_per_year: number;
}

export type TierName = 'exempt' | 'mitigated' | 'lenient' | 'general' | 'severe';
/** Display order and Chinese names of the tiers (不予 / 减轻 / 从轻 / 一般 / 从重). */
export const TIERS: readonly TierName[] = ['exempt', 'mitigated', 'lenient', 'general', 'severe'];
export const TIER_NAMES: Readonly<Record<TierName, string>> = {
  exempt: '不予处罚',
  mitigated: '减轻处罚',
  lenient: '从轻处罚',
  general: '一般处罚',
  severe: '从重处罚',
};

/** 档次. */
export interface BaselineTier {
  baseline_id: string;
  tier: TierName;
  fine_min: number;
  fine_max: number;
  conditions: string;
}

/** 裁量基准 for one item at one level: province-wide (330000) or a city refinement ("1+8"). */
export interface Baseline {
  id: string;
  item_code: string;
  region_code: string;
  title: string;
  effective_from: string;
  tiers: BaselineTier[];
}

/** An entry of the 轻微违法不予处罚清单 (首违不罚). */
export interface Exemption {
  id: string;
  item_code: string;
  region_code: string;
  domain: string;
  conditions: string;
  basis_regulation_id: string;
  basis_article: number;
  /** the published list the entry belongs to, when it is a regulation of its own (杭州市…清单). */
  list_regulation_id: string | null;
}

/** An entry of the 第三方服务正面清单: "目录之外无委托". */
export interface ServiceWhitelistEntry {
  code: string;
  name: string;
  region_code: string;
  line_code: string | null;
}

export interface Catalog {
  regions: Region[];
  lines: Line[];
  regulations: Regulation[];
  articles: Article[];
  items: Item[];
  inspectionItems: InspectionItem[];
  baselines: Baseline[];
  exemptions: Exemption[];
  serviceWhitelist: ServiceWhitelistEntry[];
}
