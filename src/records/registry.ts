// The record-kind registry: every kind of row Kedu takes in from outside or lists back, in one place.
// The import (src/ingest), the record routes, the export command, the real-time checks, the docs
// generator and the console (through web/src/records/kinds.generated.ts) all read it. A new kind is a
// file under kinds/ and one line here (see CONTEXT.md).
import { licences } from './kinds/licences.ts';
import { inspections } from './kinds/inspections.ts';
import { cases } from './kinds/cases.ts';
import { deliveries } from './kinds/deliveries.ts';
import { payments } from './kinds/payments.ts';
import { coerciveMeasures } from './kinds/coercive-measures.ts';
import { confiscatedGoods } from './kinds/confiscated-goods.ts';
import { serviceVisits } from './kinds/service-visits.ts';
import { hotlineTickets } from './kinds/hotline-tickets.ts';
import { delegations } from './kinds/delegations.ts';
import { followupAnswers } from './kinds/followup-answers.ts';
import { reviewOutcomes } from './kinds/review-outcomes.ts';
import { regions } from './kinds/regions.ts';
import { agencies } from './kinds/agencies.ts';
import { officers } from './kinds/officers.ts';
import { certificates } from './kinds/certificates.ts';
import { entities } from './kinds/entities.ts';
import { items } from './kinds/items.ts';
import { inspectionItems } from './kinds/inspection-items.ts';
import { baselines } from './kinds/baselines.ts';
import { exemptions } from './kinds/exemptions.ts';
import { serviceWhitelist } from './kinds/service-whitelist.ts';
import { followupTasks } from './kinds/followup-tasks.ts';
import { users } from './kinds/users.ts';
import { inspectionPlans } from './kinds/inspection-plans.ts';
import { inspectionObjects } from './kinds/inspection-objects.ts';
import { monitoringDevices } from './kinds/monitoring-devices.ts';
import { enterpriseCharges } from './kinds/enterprise-charges.ts';
import type { RecordKindSpec } from './types.ts';

/**
 * Every kind, by name, in the order the CLI, the docs and the console list them: the records of agency
 * systems, then the reference data a county keeps (in the order a new county imports it: a row may
 * name rows of the kinds above it).
 */
export const KIND_SPECS = {
  licences,
  inspections,
  cases,
  deliveries,
  payments,
  coercive_measures: coerciveMeasures,
  confiscated_goods: confiscatedGoods,
  service_visits: serviceVisits,
  hotline_tickets: hotlineTickets,
  delegations,
  followup_answers: followupAnswers,
  review_outcomes: reviewOutcomes,
  inspection_plans: inspectionPlans,
  inspection_objects: inspectionObjects,
  monitoring_devices: monitoringDevices,
  enterprise_charges: enterpriseCharges,
  regions,
  agencies,
  officers,
  certificates,
  entities,
  items,
  inspection_items: inspectionItems,
  baselines,
  exemptions,
  service_whitelist: serviceWhitelist,
  followup_tasks: followupTasks,
  users,
} as const satisfies Record<string, RecordKindSpec>;

export type Kind = keyof typeof KIND_SPECS;

export const KINDS = Object.keys(KIND_SPECS) as Kind[];

export const isKind = (k: string): k is Kind => Object.hasOwn(KIND_SPECS, k);

export const kindSpec = (kind: Kind): RecordKindSpec => KIND_SPECS[kind];

/** Kinds a file or an API call may carry (kedu import --kind, POST /ingest/{kind}, the console's upload). */
export const IMPORT_KINDS = KINDS.filter((k) => KIND_SPECS[k].importable);

/** The order a new county imports its files in: reference data first (each kind may name the ones before it), then records. */
export const IMPORT_ORDER = [
  ...IMPORT_KINDS.filter((k) => KIND_SPECS[k].reference),
  ...IMPORT_KINDS.filter((k) => !KIND_SPECS[k].reference),
];

/** Kinds listed under GET /records/{kind} (and exported by kedu export). */
export const LIST_KINDS = KINDS.filter((k) => KIND_SPECS[k].listOrder !== null);

export type { RecordKindSpec, FieldSpec, FieldType, EnumValue, AgencyScope, PersonalKind, ReferenceTable, RowRule } from './types.ts';
