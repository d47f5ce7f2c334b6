// The tunable numbers of the clue loop, in one place: deadlines, escalation, duplicate linking,
// notice response times, the public portal's abuse limits and the webhook retry schedule.
// docs/clues.md and docs/webhooks.md quote these values; change them here and there together.
import type { Severity } from '../models/model.ts';

export const CLUE_SETTINGS = {
  /** Calendar days from assignment to the rectification deadline, by the clue's severity. */
  deadlineDays: { high: 10, medium: 20, low: 30 } satisfies Record<Severity, number>,
  /** Longest a deadline may be extended to, counted from the current deadline. */
  maxExtensionDays: 60,
  escalation: {
    /** Days past the deadline before the first escalation (0: the day after the deadline). */
    graceDays: 0,
    /** Further days still overdue before the next level up (city → province). */
    stepDays: 10,
  },
  duplicates: {
    /** A new report is compared with open clues received in the last N days. */
    windowDays: 30,
    /**
     * Bigram (Dice) similarity of normalised texts from which two reports of the same agency/entity are one
     * matter. Measured on sample reports: the same complaint reworded scores 0.36–0.60, different
     * complaints about one agency 0.10–0.26.
     */
    similarity: 0.4,
    /** Without an agency or entity to match on, only near-identical text of the same county is linked. */
    textOnlySimilarity: 0.8,
  },
  /** Days the addressee has to answer a notice, by kind. */
  noticeResponseDays: { advisory: 10, supervision: 15, transfer: 30 },
  portal: {
    reportsPerHour: 5, // per client IP (@fastify/rate-limit)
    statusLookupsPerMinute: 30, // per client IP, against guessing follow-up codes
    minFillSeconds: 5, // a form sent sooner after its token was issued is a bot
    tokenTtlMinutes: 120,
    minLength: 15,
    maxLength: 2000,
    maxUrls: 2,
  },
  webhook: {
    baseDelaySeconds: 30, // attempt n waits base · 2^(n-1): 30 s, 1 min, 2 min, 4 min …
    maxDelaySeconds: 6 * 3600,
    maxAttempts: 10, // then the delivery is marked failed (kept, and visible to admins)
    timeoutMs: 10_000,
    pollMs: 5_000,
    leaseSeconds: 120, // a claimed delivery is retried by another worker after this if its worker died
  },
  /** How often the server checks for newly overdue clues. */
  escalationCheckMs: 3_600_000,
} as const;

/**
 * 12345 tickets that concern enforcement conduct become clues; the rest (a shop sells expired food) are
 * matters for the agencies themselves. A ticket qualifies by its category or by a word in its content.
 */
export const HOTLINE_ENFORCEMENT = {
  categories: ['涉企执法监督', '执法监督', '行政执法', '执法投诉', '执法检查', '行政执法监督'],
  keywords: [
    '重复检查',
    '多头检查',
    '检查扰企',
    '频繁检查',
    '乱罚款',
    '乱检查',
    '乱收费',
    '执法人员',
    '执法不公',
    '粗暴执法',
    '选择性执法',
    '过度执法',
    '一刀切',
    '以罚代管',
    '罚款过重',
    '随意处罚',
    '吃拿卡要',
    '不作为',
    '乱作为',
    '执法态度',
    '执法过程',
  ],
};
