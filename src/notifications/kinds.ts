// The kinds of in-app notification: who is told, what the badge says, and the webhook event that tells
// other systems the same. One registry: the console, the API, the deadline check and the demo all read it.
import type { WebhookEvent } from '../integration/webhooks.ts';

/**
 * agency: the staff and officers of one agency. supervisor: the supervisors of exactly one region —
 * the level the event concerns (a county's office for its clues, the city's for clues escalated to it),
 * so the province is not told of every county's steps. liaison: discipline liaisons over the region.
 */
export type Audience = 'agency' | 'supervisor' | 'liaison';

export interface NotificationKind {
  label: string;
  audience: Audience;
  /** The webhook event of the same moment (sent with the notification, in its transaction). */
  webhook: WebhookEvent;
}

export const NOTIFICATION_KINDS = {
  assigned: { label: '线索交办', audience: 'agency', webhook: 'clue.assigned' },
  self_check: { label: '简易自查', audience: 'agency', webhook: 'clue.self_check' },
  returned: { label: '整改退回', audience: 'agency', webhook: 'clue.returned' },
  due_soon: { label: '即将到期', audience: 'agency', webhook: 'clue.due_soon' },
  overdue: { label: '整改逾期', audience: 'agency', webhook: 'clue.overdue' },
  overdue_review: { label: '整改逾期', audience: 'supervisor', webhook: 'clue.overdue' },
  submitted: { label: '待审核', audience: 'supervisor', webhook: 'clue.submitted' },
  escalated: { label: '逾期升级', audience: 'supervisor', webhook: 'clue.escalated' },
  answered: { label: '文书已答复', audience: 'supervisor', webhook: 'notice.answered' },
  transferred: { label: '线索移送', audience: 'liaison', webhook: 'clue.transferred' },
} as const satisfies Record<string, NotificationKind>;

export type NotificationKindCode = keyof typeof NOTIFICATION_KINDS;

/** Days before a deadline the agency is told it is near (the workbench's 3日内到期 counts the same). */
export const DUE_SOON_DAYS = 3;
