// The vocabulary of the clue loop (发现 → 交办 → 整改 → 销号, or returned, dismissed, transferred): its
// statuses and the sources a clue comes from. The loop's table of transitions is src/clues/workflow.ts;
// who may read a clue in which status is src/policy/clues.ts. Both read the vocabulary from here.
export const CLUE_STATUSES = [
  'new',
  'self_check',
  'triaged',
  'assigned',
  'rectifying',
  'submitted',
  'returned',
  'closed',
  'dismissed',
  'transferred',
] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

/** Statuses that end the loop. */
export const FINAL_STATUSES: readonly ClueStatus[] = ['closed', 'dismissed', 'transferred'];

export const CLUE_SOURCES = ['model', 'hotline', 'followup', 'invited', 'contact_point', 'media', 'public', 'case_review'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];
export const SOURCE_LABELS: Record<ClueSource, string> = {
  model: '监督模型',
  hotline: '12345热线',
  followup: '回访',
  invited: '特邀监督员',
  contact_point: '企业联系点',
  media: '媒体舆情',
  public: '群众举报',
  case_review: '案卷评查',
};
