// Models a county writes itself, over HTTP (docs/local-models.md): the template's building blocks from
// the record-kind registry, the local models a caller may see with their versions, and for admins of
// the region: preview on the live data, save (a new version each time), switch on or off — audited.
// Who may: src/policy/triage.ts (local_model); the capability authorizes each write against the region.
import type { Store } from '../store/store.ts';
import { businessDate } from '../domain/dates.ts';
import { authorize } from '../policy/index.ts';
import {
  MULTIPLE_OPERATOR_LABELS,
  OPERATORS,
  OPERATOR_LABELS,
  PLACEHOLDERS,
  templateKinds,
  type Template,
} from '../models/local/template.ts';
import { getLocalModel, listLocalModels, previewTemplate, saveLocalModel, setLocalModelEnabled } from '../models/local/local-models.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import {
  CodeParams,
  EnabledBody,
  LocalModelBody,
  LocalModelDetail,
  LocalModelList,
  LocalModelSchema,
  LocalPreview,
} from './local-model-schemas.ts';

export async function localModelRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  const today = () => asOf ?? businessDate(new Date());

  app.get(
    '/local-models/schema',
    {
      schema: {
        tags: ['models'],
        summary: '本地模型模板的可选项（记录类型、字段、比较方式、占位符）',
        response: { 200: LocalModelSchema, ...errors(401, 403) },
      },
    },
    async (req) => {
      authorize(callerOf(req), 'read', { type: 'local_model' });
      return {
        kinds: templateKinds().map((k) => ({
          kind: k.kind,
          label: k.label,
          fields: k.fields.map((f) => ({
            name: f.name,
            label: f.label,
            type: f.type,
            values: f.values?.map((v) => ({ code: v.code, label: v.label })) ?? null,
            multiple: f.multiple === true,
          })),
        })),
        operators: Object.keys(OPERATORS).map((op) => ({
          op,
          label: OPERATOR_LABELS[op as keyof typeof OPERATORS],
          multipleLabel: MULTIPLE_OPERATOR_LABELS[op as keyof typeof OPERATORS] ?? null,
        })),
        placeholders: [...PLACEHOLDERS],
      };
    },
  );

  app.get(
    '/local-models',
    { schema: { tags: ['models'], summary: '本地模型列表（本辖区及上下级）', response: { 200: LocalModelList, ...errors(401, 403) } } },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'local_model' });
      return { rows: await listLocalModels(store, caller) };
    },
  );

  app.get(
    '/local-models/:code',
    {
      schema: {
        tags: ['models'],
        summary: '本地模型详情与全部版本',
        params: CodeParams,
        response: { 200: LocalModelDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'local_model' });
      return getLocalModel(store, caller, req.params.code);
    },
  );

  app.post(
    '/local-models/preview',
    {
      schema: {
        tags: ['models'],
        summary: '在现有数据上试运行模板：命中数与说明示例（不写入）',
        body: LocalModelBody,
        response: { 200: LocalPreview, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const { regionCode, template } = req.body;
      return previewTemplate(store, callerOf(req), regionCode, template as Template, today());
    },
  );

  app.post(
    '/local-models',
    {
      schema: {
        tags: ['models'],
        summary: '新建本地模型（管理员；新建后为停用状态）',
        body: LocalModelBody,
        response: { 201: LocalModelDetail, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { regionCode, template } = req.body;
      return reply.status(201).send(await saveLocalModel(store, callerOf(req), { regionCode, template: template as Template }));
    },
  );

  app.put(
    '/local-models/:code',
    {
      schema: {
        tags: ['models'],
        summary: '修改本地模型（保存为新版本，旧版本保留）',
        params: CodeParams,
        body: LocalModelBody,
        response: { 200: LocalModelDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { regionCode, template } = req.body;
      return saveLocalModel(store, callerOf(req), { code: req.params.code, regionCode, template: template as Template });
    },
  );

  app.put(
    '/local-models/:code/enabled',
    {
      schema: {
        tags: ['models'],
        summary: '启用或停用本地模型（管理员）',
        params: CodeParams,
        body: EnabledBody,
        response: { 200: LocalModelDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => setLocalModelEnabled(store, callerOf(req), req.params.code, req.body.enabled),
  );
}
