// The public portal (no account): the form's token and selects, the report, its progress by code.
import { Type, type Static } from '@sinclair/typebox';
import { CLUE_SETTINGS } from '../clues/settings.ts';

const P = CLUE_SETTINGS.portal;
export const FormToken = Type.Object({ token: Type.String(), minFillSeconds: Type.Integer(), expiresInSeconds: Type.Integer() });
export const PortalRegions = Type.Object({
  rows: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), cityName: Type.String() })),
});
export const PortalAgencyQuery = Type.Object({ regionCode: Type.String({ pattern: '^\\d{6}$' }) });
export const PortalAgencies = Type.Object({ rows: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) });
export const PortalReportBody = Type.Object({
  formToken: Type.String({ minLength: 1, maxLength: 200 }),
  regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
  content: Type.String({ minLength: 1, maxLength: P.maxLength * 2 }),
  agencyId: Type.Optional(Type.String({ maxLength: 64 })),
  subjectName: Type.Optional(Type.String({ maxLength: 200 })),
  contact: Type.Optional(Type.String({ maxLength: 200 })),
  website: Type.Optional(Type.String({ maxLength: 500, description: '留空（防机器人字段，页面不显示）' })),
});
export const PortalReceipt = Type.Object({ followCode: Type.String(), message: Type.String() });
export const FollowCodeParams = Type.Object({ code: Type.String({ minLength: 6, maxLength: 20 }) });
export const PortalStatus = Type.Object({
  code: Type.String(),
  receivedAt: Type.String(),
  stage: Type.String(),
  updatedOn: Type.String(),
  steps: Type.Array(Type.Object({ on: Type.String(), stage: Type.String() })),
});

export type PortalFormToken = Static<typeof FormToken>;
export type PortalReportInput = Static<typeof PortalReportBody>;
export type PortalStatus = Static<typeof PortalStatus>;
