// The complaint categories a follow-up answer is analysed for, and the claims that are collided with
// the records. A serious complaint becomes a clue on its own (FUP_COMPLAINT); the others are judged
// against the records by the models that own them (重复检查 by the inspection models and the visit
// count collision, 罚款过重 by the penalty models, 服务是假的检查 by INS_FAKE_SERVICE).

export const CATEGORIES = {
  bribery: { label: '吃拿卡要', serious: true },
  rude: { label: '态度粗暴', serious: true },
  no_id: { label: '未出示证件', serious: true },
  rights: { label: '未告知权利', serious: true },
  repeat: { label: '重复检查', serious: false },
  heavy_fine: { label: '罚款过重', serious: false },
  procedure: { label: '程序不规范', serious: true },
  fake_service: { label: '服务是假的检查', serious: false },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];
export const isCategory = (c: string): c is Category => c in CATEGORIES;

/** What an answer says happened, to be compared with the records. */
export const CLAIMS = {
  visit_count: '检查次数',
  nobody_came: '无人到场',
  fined: '被罚款',
  inspection: '实为检查',
} as const;
export type Claim = keyof typeof CLAIMS;

export const SATISFACTION = {
  satisfied: '满意',
  neutral: '一般',
  dissatisfied: '不满意',
  unknown: '未表态',
} as const;
export type Satisfaction = keyof typeof SATISFACTION;

/** A 1–5 score as a level: 4–5 satisfied, 3 neutral, 1–2 dissatisfied. */
export function levelOfScore(score: number): Satisfaction {
  return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'dissatisfied';
}
