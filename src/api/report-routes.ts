// Situation reports over HTTP (docs/reports.md): the reports of the caller's jurisdiction, one on
// demand (supervisors and admins), its content, and its Word document or PDF.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { regionContains } from '../domain/region.ts';
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
import { callerOf } from './app.ts';
import { periodParam, regionParam } from './evaluation-routes.ts';
import { KeduError, forbidden, notFound } from './errors.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const present = (r: Omit<ReportRow, 'content'>) => ({
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

function mayRead(caller: Caller): void {
  if (isAgencyRole(caller.role)) throw forbidden('态势分析通报仅供监督机构查阅');
}

export async function reportRoutes(app: FastifyInstance, store: Store, asOfOption?: string): Promise<void> {
  const asOf = () => asOfOption ?? businessDate(new Date());
  const readable = async (caller: Caller, id: string) => {
    mayRead(caller);
    const r = await loadReport(store, id);
    if (!r) throw notFound('未找到该通报');
    if (!regionContains(caller.regionCode, r.region_code)) throw forbidden('该通报不在您的辖区内');
    return r;
  };
  const attachment = (r: ReportRow, ext: string) =>
    `attachment; filename="${r.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${r.title}（${r.number}）.${ext}`)}`;

  app.get('/reports', { schema: { tags: ['reports'], summary: '态势分析通报列表（本辖区）' } }, async (req) => {
    const caller = callerOf(req);
    mayRead(caller);
    return { rows: (await listReports(store, caller.regionCode)).map(present), pdf: await pdfAvailable() };
  });

  app.post(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        summary: '生成态势分析通报（监督员、管理员）',
        body: Type.Object({ regionCode: Type.Optional(Type.String({ maxLength: 9 })), period: Type.String({ maxLength: 10 }) }),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      if (caller.role !== 'supervisor' && caller.role !== 'admin') throw forbidden('仅监督员和管理员可以生成通报');
      const body = req.body as { regionCode?: string; period: string };
      const regionCode = regionParam(caller, body.regionCode);
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
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req) => {
      const r = await readable(callerOf(req), (req.params as { id: string }).id);
      return { report: { ...present(r), content: JSON.parse(r.content) as unknown } };
    },
  );

  app.get(
    '/reports/:id.docx',
    {
      schema: {
        tags: ['reports'],
        summary: '下载通报 Word 文档（公文格式）',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        produces: [DOCX],
      },
    },
    async (req, reply) => {
      const r = await readable(callerOf(req), (req.params as { id: string }).id);
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
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const r = await readable(callerOf(req), (req.params as { id: string }).id);
      if (!(await pdfAvailable())) throw new KeduError('not_found', '服务器未安装 LibreOffice，无法生成 PDF，请下载 Word 文档');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(r, 'pdf'))
        .send(await docxToPdf(await reportDocx(r)));
    },
  );
}
