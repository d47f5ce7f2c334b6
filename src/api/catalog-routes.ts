// Rules as data (权力规则化、规则数字化): read access to the reference catalog. The catalog is public
// within the system (every role may read the law and the lists); baselines and lists are filtered to
// those in force for the caller's region (province-wide plus their city's refinements).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { cityOf, regionLevel } from '../domain/region.ts';
import { callerOf } from './app.ts';
import { notFound } from '../domain/errors.ts';

const TABLES = {
  regions: 'SELECT code, name, parent_code, level, is_demo FROM regions WHERE NOT is_demo ORDER BY code',
  lines: 'SELECT code, name FROM lines ORDER BY code',
  regulations:
    'SELECT r.*, (SELECT count(*) FROM articles a WHERE a.regulation_id = r.id) AS article_count FROM regulations r ORDER BY r.id',
  items: 'SELECT * FROM items ORDER BY code',
  'inspection-items': 'SELECT * FROM inspection_items ORDER BY code',
  whitelist: 'SELECT * FROM service_whitelist ORDER BY code',
} as const;

/** The regions whose rules apply to a caller: the province, and their city when below it. */
function applicableRegions(regionCode: string): string[] {
  return regionLevel(regionCode) === 'province' ? ['330000'] : ['330000', cityOf(regionCode)];
}

export async function catalogRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get(
    '/catalog/:table',
    {
      schema: {
        tags: ['catalog'],
        summary: '规则库：区划、条线、法规、执法事项、检查事项、服务清单',
        params: Type.Object({ table: Type.Union(Object.keys(TABLES).map((k) => Type.Literal(k))) }),
      },
    },
    async (req) => {
      const { table } = req.params as { table: keyof typeof TABLES };
      return { rows: await store.query(TABLES[table]) };
    },
  );

  app.get(
    '/catalog/regulations/:id',
    {
      schema: { tags: ['catalog'], summary: '法规全文（逐条）', params: Type.Object({ id: Type.String({ maxLength: 80 }) }) },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const [regulation] = await store.query(sql`SELECT * FROM regulations WHERE id = ${id}`);
      if (!regulation) throw notFound('未找到该法规');
      const articles = await store.query(sql`SELECT number, label, text FROM articles WHERE regulation_id = ${id} ORDER BY number`);
      return { regulation, articles };
    },
  );

  app.get(
    '/catalog/baselines',
    {
      schema: {
        tags: ['catalog'],
        summary: '裁量基准（本辖区适用：全省及本市细化）',
        querystring: Type.Object({ item: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (req) => {
      const { item } = req.query as { item?: string };
      const regions = applicableRegions(callerOf(req).regionCode);
      const baselines = await store.query<{ id: string }>(sql`
      SELECT b.*, i.name AS item_name FROM baselines b JOIN items i ON i.code = b.item_code
      WHERE b.region_code IN (${regions[0]}, ${regions[1] ?? regions[0]}) ${item ? sql`AND b.item_code = ${item}` : sql``}
      ORDER BY b.item_code, b.region_code`);
      const tiers = await store.query<{ baseline_id: string }>('SELECT * FROM baseline_tiers ORDER BY baseline_id, fine_min');
      const byBaseline = new Map<string, unknown[]>();
      for (const t of tiers) (byBaseline.get(t.baseline_id) ?? byBaseline.set(t.baseline_id, []).get(t.baseline_id)!).push(t);
      return { rows: baselines.map((b) => ({ ...b, tiers: byBaseline.get(b.id) ?? [] })) };
    },
  );

  app.get('/catalog/exemptions', { schema: { tags: ['catalog'], summary: '轻微违法不予处罚清单（本辖区适用）' } }, async (req) => {
    const regions = applicableRegions(callerOf(req).regionCode);
    return {
      rows: await store.query(sql`
        SELECT e.*, i.name AS item_name, a.text AS basis_text FROM exemptions e JOIN items i ON i.code = e.item_code
        LEFT JOIN articles a ON a.regulation_id = e.basis_regulation_id AND a.number = e.basis_article
        WHERE e.region_code IN (${regions[0]}, ${regions[1] ?? regions[0]}) ORDER BY e.id`),
    };
  });
}
