// Rules as data (权力规则化、规则数字化): read access to the reference catalog. The catalog is public
// within the system (every role may read the law and the lists); baselines and lists are filtered to
// those in force for the caller's region (province-wide plus their city's refinements).
import { Type, type TSchema } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { cityOf, regionLevel } from '../domain/region.ts';
import { notFound } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import {
  BaselineEntry,
  BaselineQuery,
  ExemptionEntry,
  InspectionItemEntry,
  ItemEntry,
  LineEntry,
  RegionEntry,
  RegulationDetail,
  RegulationEntry,
  Rows,
  WhitelistEntry,
} from './catalog-schemas.ts';

/** Each table: its query, its row schema and what it is. */
const TABLES: Record<string, { query: string; row: TSchema; summary: string }> = {
  regions: {
    query: 'SELECT code, name, parent_code, level, is_demo FROM regions WHERE NOT is_demo ORDER BY code',
    row: RegionEntry,
    summary: '区划（GB/T 2260）',
  },
  lines: { query: 'SELECT code, name FROM lines ORDER BY code', row: LineEntry, summary: '执法条线' },
  regulations: {
    query: 'SELECT r.*, (SELECT count(*) FROM articles a WHERE a.regulation_id = r.id) AS article_count FROM regulations r ORDER BY r.id',
    row: RegulationEntry,
    summary: '法律法规',
  },
  items: { query: 'SELECT * FROM items ORDER BY code', row: ItemEntry, summary: '执法事项' },
  'inspection-items': { query: 'SELECT * FROM inspection_items ORDER BY code', row: InspectionItemEntry, summary: '涉企行政检查事项' },
  whitelist: { query: 'SELECT * FROM service_whitelist ORDER BY code', row: WhitelistEntry, summary: '第三方服务正面清单' },
};

/** The regions whose rules apply to a caller: the province, and their city when below it. */
function applicableRegions(regionCode: string): string[] {
  return regionLevel(regionCode) === 'province' ? ['330000'] : ['330000', cityOf(regionCode)];
}

export async function catalogRoutes(app: Api, store: Store): Promise<void> {
  for (const [table, t] of Object.entries(TABLES)) {
    app.get(
      `/catalog/${table}`,
      { schema: { tags: ['catalog'], summary: `规则库：${t.summary}`, response: { 200: Rows(t.row), ...errors(401) } } },
      async (req) => {
        authorize(callerOf(req), 'read', { type: 'catalog' });
        return { rows: await store.query(t.query) };
      },
    );
  }

  app.get(
    '/catalog/regulations/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '法规全文（逐条）',
        params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
        response: { 200: RegulationDetail, ...errors(401, 404) },
      },
    },
    async (req) => {
      authorize(callerOf(req), 'read', { type: 'catalog' });
      const { id } = req.params;
      const [regulation] = await store.query<RegulationDetail['regulation']>(sql`SELECT * FROM regulations WHERE id = ${id}`);
      if (!regulation) throw notFound('未找到该法规');
      const articles = await store.query<RegulationDetail['articles'][number]>(
        sql`SELECT number, label, text FROM articles WHERE regulation_id = ${id} ORDER BY number`,
      );
      return { regulation, articles };
    },
  );

  app.get(
    '/catalog/baselines',
    {
      schema: {
        tags: ['catalog'],
        summary: '裁量基准（本辖区适用：全省及本市细化）',
        querystring: BaselineQuery,
        response: { 200: Rows(BaselineEntry), ...errors(401) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'catalog' });
      const { item } = req.query;
      const regions = applicableRegions(caller.regionCode);
      const baselines = await store.query<Omit<BaselineEntry, 'tiers'>>(sql`
      SELECT b.*, i.name AS item_name FROM baselines b JOIN items i ON i.code = b.item_code
      WHERE b.region_code IN (${regions[0]}, ${regions[1] ?? regions[0]}) ${item ? sql`AND b.item_code = ${item}` : sql``}
      ORDER BY b.item_code, b.region_code`);
      const tiers = await store.query<TierRow>('SELECT * FROM baseline_tiers ORDER BY baseline_id, fine_min');
      const byBaseline = new Map<string, TierRow[]>();
      for (const t of tiers) (byBaseline.get(t.baseline_id) ?? byBaseline.set(t.baseline_id, []).get(t.baseline_id)!).push(t);
      return { rows: baselines.map((b) => ({ ...b, tiers: byBaseline.get(b.id) ?? [] })) };
    },
  );

  app.get(
    '/catalog/exemptions',
    {
      schema: { tags: ['catalog'], summary: '轻微违法不予处罚清单（本辖区适用）', response: { 200: Rows(ExemptionEntry), ...errors(401) } },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'catalog' });
      const regions = applicableRegions(caller.regionCode);
      return {
        rows: await store.query<ExemptionEntry>(sql`
        SELECT e.*, i.name AS item_name, a.text AS basis_text FROM exemptions e JOIN items i ON i.code = e.item_code
        LEFT JOIN articles a ON a.regulation_id = e.basis_regulation_id AND a.number = e.basis_article
        WHERE e.region_code IN (${regions[0]}, ${regions[1] ?? regions[0]}) ORDER BY e.id`),
      };
    },
  );
}

type TierRow = BaselineEntry['tiers'][number];
