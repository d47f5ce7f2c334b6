// The console's clue and model rules, checked without a browser against the server's own tables:
// labels, the action dialogs, who may extend and upload, the timeline lines, the evidence links, the
// admin form's parameter check and inheritance, and the two chart option functions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClueStatus, ModelEntry, TimelineEvent } from '../web/src/api.ts';
import {
  ACTIONS,
  ACTION_ORDER,
  DEADLINE_STATUSES as WEB_DEADLINE_STATUSES,
  MAX_EXTENSION_DAYS,
  MIN_RECTIFICATION,
  SOURCE_LABELS as WEB_SOURCE_LABELS,
  STATUS_LABELS as WEB_STATUS_LABELS,
  STATUS_ORDER,
  addDays,
  deadlineText,
  evidencePath,
  orderedActions,
  regionPrefix as webRegionPrefix,
} from '../web/src/clues/clue-rules.ts';
import { eventLines } from '../web/src/clues/timeline.ts';
import { effectiveFor, paramProblem as webParamProblem, templateParts } from '../web/src/models/model-settings.ts';
import { cluesByMonthOption } from '../web/src/charts/clues-by-month-option.ts';
import { clueStatusOption, STATUS_AXIS } from '../web/src/charts/clue-status-option.ts';
import { CONTACT_MAX, CONTENT_MAX, CONTENT_MIN, MAX_LINKS, linkCount } from '../web/src/portal/portal-rules.ts';
import {
  CLUE_ACTIONS,
  CLUE_STATUSES,
  DEADLINE_STATUSES,
  SOURCE_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  clueAbilities,
  type ClueRow,
  type Requirement,
} from '../src/clues/workflow.ts';
import { refusal } from '../src/policy/index.ts';
import { urlCount } from '../src/clues/similarity.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';
import { regionPrefix } from '../src/domain/region.ts';
import { MODELS } from '../src/models/library/index.ts';
import { paramProblem } from '../src/models/model.ts';
import { effectiveSetting } from '../src/models/settings.ts';
import type { Caller, Role } from '../src/auth/caller.ts';

describe('clue labels and actions follow the server tables', () => {
  it('labels every status and source as the workflow does', () => {
    assert.deepEqual(WEB_STATUS_LABELS, STATUS_LABELS);
    assert.deepEqual(WEB_SOURCE_LABELS, SOURCE_LABELS);
    assert.deepEqual([...STATUS_ORDER].sort(), [...CLUE_STATUSES].sort());
    assert.deepEqual([...WEB_DEADLINE_STATUSES].sort(), [...DEADLINE_STATUSES].sort());
  });

  it('has one dialog per transition, asking at least for what the transition requires', () => {
    assert.deepEqual(Object.keys(ACTIONS).sort(), [...CLUE_ACTIONS].sort());
    assert.deepEqual([...ACTION_ORDER].sort(), [...CLUE_ACTIONS].sort());
    const field: Record<Requirement, string> = {
      agency: 'agency',
      comment: 'comment',
      rectification: 'rectification',
      evidence: 'evidence',
    };
    for (const t of TRANSITIONS) {
      const spec = ACTIONS[t.action];
      assert.equal(spec.label, t.label, t.action);
      for (const r of t.requires) {
        assert.ok(spec.required.includes(field[r] as never), `${t.action} requires ${r}`);
        assert.ok(spec.fields.includes(field[r] as never), `${t.action} asks for ${r}`);
      }
      if ('deadline' in t) assert.ok(spec.fields.includes('deadline'), `${t.action} takes a deadline`);
    }
    assert.equal(MAX_EXTENSION_DAYS, CLUE_SETTINGS.maxExtensionDays);
    assert.equal(MIN_RECTIFICATION, 10);
  });

  it('orders the allowed actions: the step forward first, the exits last', () => {
    assert.deepEqual(orderedActions(['transfer', 'dismiss', 'assign', 'triage']), ['assign', 'triage', 'dismiss', 'transfer']);
    assert.deepEqual(orderedActions([]), []);
  });

  it('reads region codes as GB/T 2260 prefixes, like the server', () => {
    for (const code of ['330000', '330100', '330111', '330111001', '331102']) assert.equal(webRegionPrefix(code), regionPrefix(code), code);
  });
});

describe("who may extend a deadline and upload evidence: the clue's `can`, from the policy", () => {
  const people: { role: Role; regionCode: string; agencyId: string | null }[] = [
    { role: 'supervisor', regionCode: '330111', agencyId: null },
    { role: 'supervisor', regionCode: '330100', agencyId: null },
    { role: 'supervisor', regionCode: '330106', agencyId: null },
    { role: 'agency_staff', regionCode: '330111', agencyId: 'AG-FY' },
    { role: 'agency_staff', regionCode: '330111', agencyId: 'AG-OTHER' },
    { role: 'officer', regionCode: '330111', agencyId: 'AG-FY' },
    { role: 'invited_supervisor', regionCode: '330111', agencyId: null },
    { role: 'admin', regionCode: '330000', agencyId: null },
  ];
  const row = (status: ClueStatus, caseId: string | null = null, deadline: string | null = '2030-01-01') =>
    ({ id: 'CL-1', status, region_code: '330111', agency_id: 'AG-FY', case_id: caseId, deadline, created_by: null }) as ClueRow;
  const caller = (p: (typeof people)[number]): Caller => ({ userId: 'u', username: 'u', displayName: 'u', ...p });

  it('offers 上传材料 exactly when the upload policy accepts it', () => {
    for (const p of people) {
      for (const status of CLUE_STATUSES) {
        for (const caseId of [null, 'CL-1', 'CL-OTHER']) {
          const c = row(status, caseId);
          assert.equal(
            clueAbilities(caller(p), c).upload,
            refusal(caller(p), 'upload', { type: 'clue', clue: c }) === null,
            `${p.role} ${p.regionCode} ${status} case=${caseId}`,
          );
        }
      }
    }
    assert.equal(clueAbilities(caller(people[3]!), row('rectifying')).upload, true, 'the assigned agency while it rectifies');
    assert.equal(clueAbilities(caller(people[5]!), row('rectifying')).upload, false, 'an officer reads only');
  });

  it('offers 延期 to the region supervisor while the deadline runs', () => {
    const fy = caller(people[0]!);
    assert.deepEqual(
      CLUE_STATUSES.filter((s) => clueAbilities(fy, row(s)).extend),
      ['self_check', 'assigned', 'rectifying', 'returned'],
    );
    assert.equal(clueAbilities(caller(people[1]!), row('assigned')).extend, true, 'the city above');
    assert.equal(clueAbilities(caller(people[2]!), row('assigned')).extend, false, 'another county');
    assert.equal(clueAbilities(caller(people[3]!), row('assigned')).extend, false, 'the agency');
    assert.equal(clueAbilities(fy, row('assigned', 'CL-OTHER')).extend, false, 'a clue merged into a case');
    assert.equal(clueAbilities(fy, row('assigned', null, null)).extend, false, 'no deadline');
  });
});

describe('deadlines and the timeline in words', () => {
  it('says how long is left, or how long it is overdue', () => {
    assert.equal(deadlineText({ daysLeft: 3, overdue: false }), '剩余3天');
    assert.equal(deadlineText({ daysLeft: 0, overdue: false }), '今日到期');
    assert.equal(deadlineText({ daysLeft: -2, overdue: true }), '逾期2天');
    assert.equal(deadlineText({ daysLeft: null, overdue: false }), null);
    assert.equal(addDays('2025-12-30', 3), '2026-01-02');
  });

  const event = (action: string, detail: unknown, from: string | null = null, to: string | null = null): TimelineEvent => ({
    id: 'e',
    action,
    actionLabel: action,
    fromStatus: from,
    toStatus: to,
    actor: { id: 'u', name: 'u' },
    comment: null,
    detail,
    occurredAt: '2025-01-01T00:00:00Z',
  });
  const names = {
    agency: (id: string) => (id === 'AG-FY' ? '富阳区综合行政执法局' : undefined),
    attachment: (id: string) => (id === 'AT-1' ? '整改报告.pdf' : undefined),
  };

  it('names the agency, the deadline, the files and the status change', () => {
    assert.deepEqual(eventLines(event('assign', { agencyId: 'AG-FY', deadline: '2025-02-01' }, 'new', 'assigned'), names), [
      '状态：待研判 → 已交办',
      '承办单位：富阳区综合行政执法局',
      '整改期限：2025-02-01',
    ]);
    assert.deepEqual(eventLines(event('submit', { attachmentIds: ['AT-1', 'AT-2'] }, 'rectifying', 'submitted'), names), [
      '状态：整改中 → 待审核',
      '证明材料：整改报告.pdf、AT-2',
    ]);
    assert.deepEqual(eventLines(event('extend', { from: '2025-02-01', to: '2025-02-20' }, 'assigned', 'assigned'), names), [
      '整改期限：2025-02-01 → 2025-02-20',
    ]);
    assert.deepEqual(eventLines(event('escalate', { from: null, to: 'city', deadline: '2025-02-01' }, 'assigned', 'assigned'), names), [
      '督办层级：属地 → 市级',
    ]);
    assert.deepEqual(eventLines(event('create', null, null, 'new'), names), []);
  });
});

describe('evidence links', () => {
  it('opens every model evidence kind on its record page, closure models on the clue', () => {
    for (const m of MODELS) {
      const path = evidencePath(m.evidenceKind, 'X-1');
      if (m.evidenceKind === 'followup_answers') assert.equal(path, null, m.code);
      else assert.ok(path, `${m.code}: ${m.evidenceKind}`);
    }
    assert.equal(evidencePath('inspections', 'INS 1'), '/records/inspections?id=INS%201');
    assert.equal(evidencePath('service_visits', 'SV-1'), '/records/service-visits?id=SV-1');
    assert.equal(evidencePath('clues', 'CL-1'), '/clues/CL-1');
  });
});

describe('the admin form of a model', () => {
  const model = MODELS.find((m) => m.params.length >= 2)!;
  const entry = (settings: ModelEntry['settings']) =>
    ({ params: model.params.map((p) => ({ ...p, value: p.default })), settings }) as Pick<ModelEntry, 'params' | 'settings'>;

  it('checks a parameter in the server words', () => {
    const p = model.params[0]!;
    for (const v of [p.min - 1, p.min, p.max, p.max + 1, p.min + 0.5, Number.NaN]) {
      const server = paramProblem(model, { [p.name]: v });
      assert.equal(webParamProblem({ ...p, value: p.default }, v), server ? server[1] : null, String(v));
    }
  });

  it('starts from what a region inherits, the most specific setting winning', () => {
    const [a, b] = model.params;
    const settings = [
      { regionCode: '330000', enabled: true, params: { [a!.name]: a!.min } },
      { regionCode: '330100', enabled: false, params: { [b!.name]: b!.max } },
    ];
    for (const region of ['330000', '330100', '330111', '330200']) {
      assert.deepEqual(effectiveFor(entry(settings), region), effectiveSetting(model, settings, region), region);
    }
  });

  it('splits the explanation template into text and placeholders', () => {
    assert.deepEqual(templateParts('在{window_days}天内被{agency_count}个部门检查'), [
      { text: '在' },
      { name: 'window_days' },
      { text: '天内被' },
      { name: 'agency_count' },
      { text: '个部门检查' },
    ]);
    assert.deepEqual(templateParts('{a}'), [{ name: 'a' }]);
  });
});

describe('cluesByMonthOption', () => {
  const data = (option: ReturnType<typeof cluesByMonthOption>, i: number) => (option.series as { data: number[] }[])[i]!.data;

  it('fills the requested range, oldest first, empty months as zero, with a running total', () => {
    const option = cluesByMonthOption(
      [
        { month: '2025-03', clues: 4 },
        { month: '2025-01', clues: 2 },
      ],
      { from: '2024-12', to: '2025-04' },
    );
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    assert.deepEqual(data(option, 0), [0, 2, 0, 4, 0]);
    assert.deepEqual(data(option, 1), [0, 2, 2, 6, 6]);
  });

  it('keeps months outside the range and counts string numbers', () => {
    const option = cluesByMonthOption([{ month: '2024-10', clues: '3' as unknown as number }], { from: '2024-12', to: '2025-01' });
    assert.deepEqual((option.xAxis as { data: string[] }).data, ['2024-10', '2024-11', '2024-12', '2025-01']);
    assert.deepEqual(data(option, 1), [3, 3, 3, 3]);
  });

  it('draws nothing for no rows and no range', () => {
    assert.deepEqual((cluesByMonthOption([]).xAxis as { data: string[] }).data, []);
  });
});

describe('clueStatusOption', () => {
  it('draws every status in the loop order with its count', () => {
    const option = clueStatusOption({ new: 5, closed: 2 }, STATUS_LABELS);
    assert.deepEqual(
      (option.xAxis as { data: string[] }).data,
      STATUS_AXIS.map((s) => STATUS_LABELS[s]),
    );
    const values = (option.series as { data: { value: number }[] }[])[0]!.data.map((d) => d.value);
    assert.equal(values[STATUS_AXIS.indexOf('new')], 5);
    assert.equal(values[STATUS_AXIS.indexOf('closed')], 2);
    assert.equal(
      values.reduce((a, b) => a + b, 0),
      7,
    );
    assert.deepEqual([...STATUS_AXIS].sort(), [...CLUE_STATUSES].sort());
  });
});

describe('the public report form', () => {
  it('states the server limits (docs/clues.md)', () => {
    assert.equal(CONTENT_MIN, CLUE_SETTINGS.portal.minLength);
    assert.equal(CONTENT_MAX, CLUE_SETTINGS.portal.maxLength);
    assert.equal(MAX_LINKS, CLUE_SETTINGS.portal.maxUrls);
    assert.equal(CONTACT_MAX, 100);
    for (const text of [
      '见 https://a.example 和 http://b.example 及 www.c.example',
      'https://www.a.example/x',
      '没有网址',
      'WWW.A.EXAMPLE',
    ]) {
      assert.equal(linkCount(text), urlCount(text), text);
    }
  });
});
