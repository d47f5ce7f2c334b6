// Notices over HTTP (docs/notices.md): issue from clues, list, read, download the Word document,
// record the answer. Who may is src/policy/notices.ts's; the documents are src/notices'.
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { systemClock, todayOf, type Clock } from '../clues/clock.ts';
import { issueNotice, listNotices, loadNotice, noticeDetail, presentNotice, respondNotice } from '../notices/notices.ts';
import { renderNoticeDocx } from '../notices/docx.ts';
import { callerOf, type Api } from './app.ts';
import { checkedRange, errors } from './schemas.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import {
  NoticeAnswer,
  NoticeBody,
  NoticeDetail,
  NoticeExportQuery,
  NoticeListQuery,
  NoticePage,
  NoticeParams,
  ResponseBody,
} from './notice-schemas.ts';

export async function noticeRoutes(app: Api, store: Store, opts: { clock?: Clock } = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;

  app.post(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '制发监督提示单、执法监督通知书或移送函',
        body: NoticeBody,
        response: { 201: NoticeAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const row = await issueNotice(store, caller, req.body, clock);
      return reply.status(201).send({ notice: presentNotice(row, todayOf(clock), caller) });
    },
  );

  app.get(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '文书列表（本人可见范围）',
        querystring: NoticeListQuery,
        response: { 200: NoticePage, ...errors(400, 401) },
      },
    },
    async (req) => listNotices(store, callerOf(req), checkedRange(req.query), clock),
  );

  app.get(
    '/notices.xlsx',
    {
      schema: {
        tags: ['notices'],
        summary: '导出文书列表（Excel，本人可见范围）',
        querystring: NoticeExportQuery,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unknown({ description: 'Excel 工作簿（.xlsx）' }), ...errors(400, 401) },
      },
    },
    async (req, reply) => {
      const { rows } = await listNotices(store, callerOf(req), { ...checkedRange(req.query), page: 1, pageSize: MAX_EXPORT_ROWS }, clock);
      const bytes = await toXlsx(
        '监督文书',
        [
          { header: '文号', value: (n) => n.number, width: 24 },
          { header: '文书', value: (n) => n.kindLabel, width: 16 },
          { header: '标题', value: (n) => n.title, width: 24 },
          { header: '制发机关', value: (n) => n.issuer, width: 28 },
          { header: '主送单位', value: (n) => n.addressee, width: 32 },
          { header: '涉及线索', value: (n) => n.clueNumbers.join('、'), width: 36 },
          { header: '签发日期', value: (n) => n.issuedOn },
          { header: '答复期限', value: (n) => n.deadline },
          { header: '状态', value: (n) => (n.overdue ? '逾期未答复' : n.statusLabel) },
          { header: '答复日期', value: (n) => n.respondedOn },
          { header: '答复内容', value: (n) => n.response, width: 60 },
        ],
        rows,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('监督文书', todayOf(clock)))
        .send(bytes);
    },
  );

  app.get(
    '/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary: '文书详情（含引用条文原文）',
        params: NoticeParams,
        response: { 200: NoticeDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => noticeDetail(store, callerOf(req), req.params.id, clock),
  );

  app.get(
    '/notices/:id.docx',
    {
      schema: {
        tags: ['notices'],
        summary: '下载文书 Word 文档（GB/T 9704 公文格式）',
        params: NoticeParams,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: Type.Unknown({ description: 'Word 文档（.docx）' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const n = await loadNotice(store, callerOf(req), req.params.id);
      const bytes = await renderNoticeDocx(n);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="${n.id}.docx"; filename*=UTF-8''${encodeURIComponent(`${n.title}（${n.number}）.docx`)}`,
        )
        .send(bytes);
    },
  );

  app.post(
    '/notices/:id/response',
    {
      schema: {
        tags: ['notices'],
        summary: '登记文书答复（承办单位、纪检监察联络员或监督员代录）',
        params: NoticeParams,
        body: ResponseBody,
        response: { 200: NoticeAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => respondNotice(store, callerOf(req), req.params.id, req.body, clock),
  );
}
