// The timeline of a clue in words: each event's detail (src/clues: {agencyId, deadline},
// {attachmentIds}, {from, to} of an extension or escalation, {viaCase}, {noticeId, number}, …) as short
// Chinese lines, and a colour per kind of step. Pure: tested in test/web-clues.test.ts.
import type { TimelineEvent } from '../api.ts';
import { STATUS_LABELS } from './clue-rules.ts';

export interface TimelineNames {
  agency: (id: string) => string | undefined;
  attachment: (id: string) => string | undefined;
}

const LEVELS: Record<string, string> = { county: '县级', city: '市级', province: '省级' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The lines under an event's title: status change, agency, deadline, files, case. */
export function eventLines(e: TimelineEvent, names: TimelineNames): string[] {
  const d = record(e.detail);
  const lines: string[] = [];
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus) {
    const from = STATUS_LABELS[e.fromStatus as keyof typeof STATUS_LABELS] ?? e.fromStatus;
    const to = STATUS_LABELS[e.toStatus as keyof typeof STATUS_LABELS] ?? e.toStatus;
    lines.push(`状态：${from} → ${to}`);
  }
  const agency = str(d.agencyId);
  if (agency) lines.push(`承办单位：${names.agency(agency) ?? agency}`);
  const previous = str(d.previousAgencyId);
  if (previous) lines.push(`原承办单位：${names.agency(previous) ?? previous}`);
  if (e.action === 'extend') {
    if (str(d.from) || str(d.to)) lines.push(`整改期限：${str(d.from) ?? '—'} → ${str(d.to) ?? '—'}`);
  } else if (e.action === 'escalate') {
    const to = str(d.to);
    if (to) lines.push(`督办层级：${LEVELS[str(d.from) ?? ''] ?? '属地'} → ${LEVELS[to] ?? to}`);
  } else if (str(d.deadline)) {
    lines.push(`整改期限：${str(d.deadline)}`);
  }
  if (Array.isArray(d.attachmentIds) && d.attachmentIds.length) {
    lines.push(`证明材料：${d.attachmentIds.map((id) => names.attachment(String(id)) ?? String(id)).join('、')}`);
  }
  if (e.action === 'attach' && typeof d.size === 'number')
    lines.push(`大小 ${formatBytes(d.size)}，SM3 ${String(d.sm3 ?? '').slice(0, 16)}…`);
  if (str(d.viaCase)) lines.push(`随案件 ${str(d.viaCase)} 办理`);
  if (str(d.caseId)) lines.push(`并入案件 ${str(d.caseId)}`);
  if (Array.isArray(d.members) && d.members.length) lines.push(`并入线索：${d.members.join('、')}`);
  if (typeof d.similarity === 'number') lines.push(`相似度 ${d.similarity.toFixed(2)}`);
  return lines;
}

/** Colour of the dot: green for closing, red for exits and escalation, blue for the rest. */
export function eventColor(action: string): string {
  if (action === 'close') return 'green';
  if (action === 'escalate' || action === 'dismiss' || action === 'transfer' || action === 'return') return 'red';
  if (action === 'create' || action === 'link') return 'gray';
  return 'blue';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
