// The home page's figures of the caller's jurisdiction (src/evaluation/home-summary.ts).
import { Type, type Static } from '@sinclair/typebox';
import { DATE } from './schemas.ts';

const count = Type.Integer();
export const SummaryQuery = Type.Object({ from: Type.Optional(DATE), to: Type.Optional(DATE) });
export const DashboardSummary = Type.Object({
  scope: Type.Object({ regionCode: Type.String(), regionName: Type.String() }),
  /** The period applied (the last 12 months of the jurisdiction's data when the request names none). */
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  totals: Type.Object({
    licences: count,
    inspections: count,
    cases: count,
    /** 罚没金额, yuan */
    fines: Type.Number(),
    serviceVisits: count,
    hotlineTickets: count,
    entities: count,
    agencies: count,
    officers: count,
  }),
  byMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), licences: count, inspections: count, cases: count })),
  byLine: Type.Array(Type.Object({ lineCode: Type.String(), lineName: Type.String(), inspections: count, cases: count })),
  /** The children of the caller's region (cities for the province, counties for a city). */
  byRegion: Type.Array(
    Type.Object({ regionCode: Type.String(), regionName: Type.String(), inspections: count, cases: count, fines: Type.Number() }),
  ),
});
export type DashboardSummary = Static<typeof DashboardSummary>;
