// The public survey's rules as the page applies them, the server's own (src/followup/questionnaire.ts):
// a question is asked when its branch holds; a required question that is asked must be answered.
import type { FollowupQuestion } from '../api.ts';

export function isShown(q: FollowupQuestion, answers: Record<string, string>): boolean {
  return !q.showIf || q.showIf.equals.includes(answers[q.showIf.question] ?? '');
}

/** The answers to send: only those of questions still asked (a branch closed by a later change drops its answer). */
export function answersToSend(questions: FollowupQuestion[], answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(questions.filter((q) => isShown(q, answers) && (answers[q.id] ?? '') !== '').map((q) => [q.id, answers[q.id]]));
}

/** The first required question asked and not answered, or null. */
export function missingAnswer(questions: FollowupQuestion[], answers: Record<string, string>): FollowupQuestion | null {
  return questions.find((q) => q.required && isShown(q, answers) && !(answers[q.id] ?? '').trim()) ?? null;
}
