// Login, logout and "who am I": the signed-in user with their jurisdiction and what they may do.
import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../auth/caller.ts';
import { CONSOLE_SOURCES } from '../policy/index.ts';
import { Literals, Nullable } from './schemas.ts';

/** GET /auth/me's `can`: the actions the caller may take at all (src/policy callerAbilities); the console's navigation and pages read it. */
export const Abilities = Type.Object({
  readRecords: Type.Boolean(),
  importRecords: Type.Boolean(),
  exportRecords: Type.Boolean(),
  readImports: Type.Boolean(),
  runModels: Type.Boolean(),
  configureModels: Type.Boolean(),
  createClues: Type.Boolean(),
  manageClues: Type.Boolean(),
  rectifyClues: Type.Boolean(),
  takeInHotline: Type.Boolean(),
  escalateClues: Type.Boolean(),
  issueNotices: Type.Boolean(),
  manageUsers: Type.Boolean(),
  readAudit: Type.Boolean(),
  manageWebhooks: Type.Boolean(),
  manageFollowup: Type.Boolean(),
  readFollowupResults: Type.Boolean(),
  scoreRegions: Type.Boolean(),
  rankAgencies: Type.Boolean(),
  drillEvaluation: Type.Boolean(),
  configureEvaluation: Type.Boolean(),
  readReports: Type.Boolean(),
  generateReports: Type.Boolean(),
  readReviews: Type.Boolean(),
  organizeReviews: Type.Boolean(),
  configureReviews: Type.Boolean(),
  assessCases: Type.Boolean(),
  reviewDecisions: Type.Boolean(),
  readInspections: Type.Boolean(),
  workInspections: Type.Boolean(),
  suggestMerges: Type.Boolean(),
  decideMerges: Type.Boolean(),
});

export const UserOut = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Literals(ROLES),
  roleLabel: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  /** Bound to one agency (its lists hold that agency's rows; the agency column says nothing). */
  agencyBound: Type.Boolean(),
  /** 本部门 for agency roles, 本辖区 for the rest: how the console names what the record lists hold. */
  scopeLabel: Type.String(),
  /** 本辖区的线索, 本部门承办的线索, 本人反映的线索, 移送纪检监察的线索: what the clue lists hold. */
  clueScopeLabel: Type.String(),
  can: Abilities,
  /** The sources of a clue this user may enter in the console (none: no 录入 page). */
  clueSources: Type.Array(Literals(CONSOLE_SOURCES)),
});
export type UserOut = Static<typeof UserOut>;

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export const UserAnswer = Type.Object({ user: UserOut });
export const OkAnswer = Type.Object({ ok: Type.Boolean() });
