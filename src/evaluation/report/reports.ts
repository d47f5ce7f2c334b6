// Situation reports kept and listed: generating one gathers its content, numbers it like the notices
// (杭司通报〔2026〕1号, notice_numbers kind 'report') and stores it, audited (report.generate); the Word
// document is rendered from the stored content at each download, and a PDF made from it by
// LibreOffice where `soffice` is installed. Scheduled reports (src/jobs) are the same call.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Store } from '../../store/store.ts';
import { sql } from '../../store/sql.ts';
import { withAudit } from '../../audit/audit-log.ts';
import { regionPrefix } from '../../domain/region.ts';
import { businessDate } from '../../domain/dates.ts';
import { issuerFor, takeNumber } from '../../notices/numbering.ts';
import type { Period } from '../period.ts';
import { gatherReport, type ReportContent } from './report-content.ts';
import { renderReportDocx, type ReportMeta } from './report-docx.ts';

export type ReportTrigger = 'schedule' | 'request' | 'cli';

export interface ReportRow {
  id: string;
  region_code: string;
  period: string;
  number: string;
  title: string;
  issuer: string;
  content: string;
  trigger: ReportTrigger;
  created_by: string;
  created_at: string;
}

/** 杭州市2025年第四季度行政执法态势分析通报 */
export const reportTitle = (regionName: string, period: Period) => `${regionName}${period.label}行政执法态势分析通报`;

export async function generateReport(
  store: Store,
  opts: { regionCode: string; period: Period; asOf: string; actor: string; trigger: ReportTrigger; now?: Date },
): Promise<ReportRow> {
  const content = await gatherReport(store, opts.regionCode, opts.period, opts.asOf);
  const issuer = await issuerFor(store, opts.regionCode);
  const now = opts.now ?? new Date();
  const id = `RPT-${randomUUID().slice(0, 12)}`;
  return withAudit(store, opts.regionCode, async (tx) => {
    const { number } = await takeNumber(tx, issuer, 'report', '司通报', Number(businessDate(now).slice(0, 4)), id);
    const row: ReportRow = {
      id,
      region_code: opts.regionCode,
      period: opts.period.code,
      number,
      title: reportTitle(content.regionName, opts.period),
      issuer: issuer.name,
      content: JSON.stringify(content),
      trigger: opts.trigger,
      created_by: opts.actor,
      created_at: now.toISOString(),
    };
    await tx.exec(sql`INSERT INTO situation_reports (id, region_code, period, number, title, issuer, content, trigger, created_by, created_at)
      VALUES (${row.id}, ${row.region_code}, ${row.period}, ${row.number}, ${row.title}, ${row.issuer}, ${row.content}, ${row.trigger}, ${row.created_by}, ${now})`);
    return {
      result: row,
      audit: [
        {
          actor: opts.actor,
          action: 'report.generate',
          target: id,
          regionCode: opts.regionCode,
          detail: { period: row.period, number, trigger: row.trigger },
        },
      ],
    };
  });
}

/** Reports of regions inside a jurisdiction, newest first. */
export async function listReports(store: Store, regionCode: string, limit = 100): Promise<Omit<ReportRow, 'content'>[]> {
  return store.query(sql`
    SELECT id, region_code, period, number, title, issuer, trigger, created_by, created_at FROM situation_reports
    WHERE region_code LIKE ${regionPrefix(regionCode) + '%'} ORDER BY created_at DESC, id LIMIT ${limit}`);
}

export async function loadReport(store: Store, id: string): Promise<ReportRow | undefined> {
  const [row] = await store.query<ReportRow>(sql`SELECT * FROM situation_reports WHERE id = ${id}`);
  return row;
}

export const reportMeta = (r: ReportRow): ReportMeta => ({
  number: r.number,
  title: r.title,
  issuer: r.issuer,
  issuedOn: businessDate(new Date(r.created_at)),
});

export function reportDocx(r: ReportRow): Promise<Buffer> {
  return renderReportDocx(JSON.parse(r.content) as ReportContent, reportMeta(r));
}

// An issued report never changes (no statement updates situation_reports), so its PDF is made once and
// kept for the next readers: a conversion takes LibreOffice 2–5 s. The newest few are kept, in memory.
const PDFS_KEPT = 8;
const pdfs = new Map<string, Promise<Buffer>>();

/** The report's PDF: converted on first request, shared by requests that arrive while it converts. */
export function reportPdf(r: ReportRow): Promise<Buffer> {
  let pdf = pdfs.get(r.id);
  if (!pdf) {
    pdf = reportDocx(r).then(docxToPdf);
    pdf.catch(() => pdfs.delete(r.id));
    pdfs.set(r.id, pdf);
    if (pdfs.size > PDFS_KEPT) pdfs.delete(pdfs.keys().next().value!);
  }
  return pdf;
}

let sofficeFound: Promise<boolean> | null = null;

/** Whether LibreOffice can make PDFs here (asked once per process). */
export function pdfAvailable(): Promise<boolean> {
  sofficeFound ??= promisify(execFile)('soffice', ['--version'], { timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  return sofficeFound;
}

/** The PDF LibreOffice makes of a .docx (a profile of its own per call, so conversions may run side by side). */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kedu-report-'));
  try {
    await writeFile(join(dir, 'report.docx'), docx);
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'report.docx'),
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, 'report.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
