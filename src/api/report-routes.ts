// Situation reports over HTTP (docs/reports.md): the reports of the caller's jurisdiction, one on
// demand (supervisors and admins), its content, and its Word document or PDF.
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { businessDate } from '../domain/dates.ts';
import {
  docxToPdf,
  generateReport,
  listReports,
  loadReport,
  pdfAvailable,
  reportDocx,
  type ReportRow,
} from '../evaluation/report/reports.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { ReportAnswer, ReportBody, ReportCreated, ReportList, ReportParams, type ReportEntry } from './evaluation-schemas.ts';
import { periodParam, regionParam } from './evaluation-routes.ts';
import { KeduError, notFound } from '../domain/errors.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const present = (r: Omit<ReportRow, 'content'>): ReportEntry => ({
  id: r.id,
  regionCode: r.region_code,
  period: r.period,
  number: r.number,
  title: r.title,
  issuer: r.issuer,
  trigger: r.trigger,
  createdBy: r.created_by,
  createdAt: r.created_at,
  download: `/api/v1/reports/${r.id}.docx`,
  pdf: `/api/v1/reports/${r.id}.pdf`,
});

export async function reportRoutes(app: Api, store: Store, asOfOption?: string): Promise<void> {
  const asOf = () => asOfOption ?? businessDate(new Date());
  const readable = async (caller: Caller, id: string) => {
    authorize(caller, 'read', { type: 'situation_report' });
    const r = await loadReport(store, id);
    if (!r) throw notFound('未找到该通报');
    authorize(caller, 'read', { type: 'situation_report', regionCode: r.region_code });
    return r;
  };
  const attachment = (r: ReportRow, ext: string) =>
    `attachment; filename="${r.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${r.title}（${r.number}）.${ext}`)}`;

  app.get(
    '/reports',
    { schema: { tags: ['reports'], summary: '态势分析通报列表（本辖区）', response: { 200: ReportList, ...errors(401, 403) } } },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'situation_report' });
      return { rows: (await listReports(store, caller.regionCode)).map(present), pdf: await pdfAvailable() };
    },
  );

  app.post(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        summary: '生成态势分析通报（监督员、管理员）',
        body: ReportBody,
        response: { 201: ReportCreated, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      authorize(caller, 'generate', { type: 'situation_report' });
      const body = req.body;
      const regionCode = regionParam(caller, body.regionCode);
      authorize(caller, 'generate', { type: 'situation_report', regionCode });
      const period = periodParam(body.period, asOf());
      const row = await generateReport(store, {
        regionCode,
        period,
        asOf: period.to < asOf() ? period.to : asOf(),
        actor: caller.userId,
        trigger: 'request',
      });
      return reply.status(201).send({ report: present(row) });
    },
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: '通报内容（数据、图表数据、建议）',
        params: ReportParams,
        response: { 200: ReportAnswer, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const r = await readable(callerOf(req), req.params.id);
      return { report: { ...present(r), content: JSON.parse(r.content) as unknown } };
    },
  );

  app.get(
    '/reports/:id.docx',
    {
      schema: {
        tags: ['reports'],
        summary: '下载通报 Word 文档（公文格式）',
        params: ReportParams,
        produces: [DOCX],
        response: { 200: Type.Unknown({ description: 'Word 文档（.docx）' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await readable(callerOf(req), req.params.id);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(r, 'docx'))
        .send(await reportDocx(r));
    },
  );

  app.get(
    '/reports/:id.pdf',
    {
      schema: {
        tags: ['reports'],
        summary: '下载通报 PDF（服务器装有 LibreOffice 时）',
        params: ReportParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unknown({ description: 'PDF 文档' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await readable(callerOf(req), req.params.id);
      if (!(await pdfAvailable())) throw new KeduError('not_found', '服务器未安装 LibreOffice，无法生成 PDF，请下载 Word 文档');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(r, 'pdf'))
        .send(await docxToPdf(await reportDocx(r)));
    },
  );
}
