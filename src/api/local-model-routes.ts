// Models a county writes itself, over HTTP (docs/local-models.md): the template's building blocks from
// the record-kind registry, the local models a caller may see with their versions, and for admins of
// the region: preview on the live data, save (a new version each time), switch on or off — audited.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { businessDate } from '../domain/dates.ts';
import { regionProblem } from '../domain/region.ts';
import { OPERATORS, OPERATOR_LABELS, PLACEHOLDERS, templateKinds, type Template } from '../models/local/template.ts';
import {
  LocalModelError,
  getLocalModel,
  listLocalModels,
  previewTemplate,
  saveLocalModel,
  setLocalModelEnabled,
} from '../models/local/local-models.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

const Region = Type.String({ pattern: '^\\d{6}(\\d{3})?$' });
const TemplateBody = Type.Object({
  name: Type.String({ maxLength: 40 }),
  description: Type.String({ maxLength: 500 }),
  kind: Type.String({ maxLength: 40 }),
  filters: Type.Array(
    Type.Object({
      field: Type.String({ maxLength: 64 }),
      op: Type.String({ maxLength: 16 }),
      value: Type.Optional(
        Type.Union([
          Type.String({ maxLength: 200 }),
          Type.Number(),
          Type.Boolean(),
          Type.Null(),
          Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), { maxItems: 50 }),
        ]),
      ),
    }),
    { maxItems: 10 },
  ),
  groupBy: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  dateField: Type.String({ maxLength: 64 }),
  windowDays: Type.Number(),
  threshold: Type.Number(),
  severity: Type.String({ maxLength: 10 }),
  explanation: Type.String({ maxLength: 500 }),
  basis: Type.Object({
    regulationId: Type.String({ maxLength: 80 }),
    article: Type.Optional(Type.Number()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  }),
});

/** The store's errors as the API's: 400 naming the field, 403, 404. */
async function handled<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof LocalModelError) {
      if (e.status === 403) throw forbidden(e.message);
      if (e.status === 404) throw notFound(e.message);
      throw badRequest(e.message, e.field);
    }
    throw e;
  }
}

export async function localModelRoutes(app: FastifyInstance, store: Store, asOf?: string): Promise<void> {
  const today = () => asOf ?? businessDate(new Date());

  app.get(
    '/local-models/schema',
    { schema: { tags: ['models'], summary: '本地模型模板的可选项（记录类型、字段、比较方式、占位符）' } },
    async () => ({
      kinds: templateKinds().map((k) => ({
        kind: k.kind,
        label: k.label,
        fields: k.fields.map((f) => ({
          name: f.name,
          label: f.label,
          type: f.type,
          values: f.values?.map((v) => ({ code: v.code, label: v.label })) ?? null,
        })),
      })),
      operators: Object.keys(OPERATORS).map((op) => ({ op, label: OPERATOR_LABELS[op as keyof typeof OPERATORS] })),
      placeholders: PLACEHOLDERS,
    }),
  );

  app.get('/local-models', { schema: { tags: ['models'], summary: '本地模型列表（本辖区及上下级）' } }, async (req) => {
    const caller = callerOf(req);
    if (caller.role !== 'admin' && caller.role !== 'supervisor') throw forbidden('仅监督员和管理员可以查看本地模型');
    return { rows: await listLocalModels(store, caller) };
  });

  app.get(
    '/local-models/:code',
    { schema: { tags: ['models'], summary: '本地模型详情与全部版本', params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin' && caller.role !== 'supervisor') throw forbidden('仅监督员和管理员可以查看本地模型');
      return handled(() => getLocalModel(store, caller, (req.params as { code: string }).code));
    },
  );

  app.post(
    '/local-models/preview',
    {
      schema: {
        tags: ['models'],
        summary: '在现有数据上试运行模板：命中数与说明示例（不写入）',
        body: Type.Object({ regionCode: Region, template: TemplateBody }),
      },
    },
    async (req) => {
      const body = req.body as { regionCode: string; template: Template };
      const rp = regionProblem(body.regionCode);
      if (rp) throw badRequest(rp, 'regionCode');
      return handled(() => previewTemplate(store, callerOf(req), body.regionCode, body.template, today()));
    },
  );

  app.post(
    '/local-models',
    {
      schema: {
        tags: ['models'],
        summary: '新建本地模型（管理员；新建后为停用状态）',
        body: Type.Object({ regionCode: Region, template: TemplateBody }),
      },
    },
    async (req, reply) => {
      const body = req.body as { regionCode: string; template: Template };
      const rp = regionProblem(body.regionCode);
      if (rp) throw badRequest(rp, 'regionCode');
      return reply.status(201).send(await handled(() => saveLocalModel(store, callerOf(req), body)));
    },
  );

  app.put(
    '/local-models/:code',
    {
      schema: {
        tags: ['models'],
        summary: '修改本地模型（保存为新版本，旧版本保留）',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ regionCode: Region, template: TemplateBody }),
      },
    },
    async (req) => {
      const body = req.body as { regionCode: string; template: Template };
      return handled(() => saveLocalModel(store, callerOf(req), { ...body, code: (req.params as { code: string }).code }));
    },
  );

  app.put(
    '/local-models/:code/enabled',
    {
      schema: {
        tags: ['models'],
        summary: '启用或停用本地模型（管理员）',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ enabled: Type.Boolean() }),
      },
    },
    async (req) => {
      const { enabled } = req.body as { enabled: boolean };
      return handled(() => setLocalModelEnabled(store, callerOf(req), (req.params as { code: string }).code, enabled));
    },
  );
}
