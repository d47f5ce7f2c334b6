// Notices over HTTP (docs/notices.md): issue from clues, list, read, download the Word document,
// record the answer. Who may is src/policy/notices.ts's; the documents are src/notices'.
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { systemClock, todayOf, type Clock } from '../clues/clock.ts';
import { issueNotice, listNotices, loadNotice, noticeDetail, presentNotice, respondNotice } from '../notices/notices.ts';
import { renderNoticeDocx } from '../notices/docx.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { NoticeAnswer, NoticeBody, NoticeDetail, NoticeListQuery, NoticePage, NoticeParams, ResponseBody } from './notice-schemas.ts';

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
    async (req) => listNotices(store, callerOf(req), req.query, clock),
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
