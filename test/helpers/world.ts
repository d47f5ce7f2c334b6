// A world big enough that jurisdiction rules are not true by accident: two cities (杭州, 宁波), two
// counties in Hangzhou (富阳 330111, 西湖 330106) and one in Ningbo (海曙 330203), two agencies in 富阳
// (AG-FYA, AG-FYB) and one in each other county, each agency with a record of every kind, and the
// links that cross them: each agency's deliveries, payments and follow-up answers hang off its own case
// (so a delivery of AG-FYB's case sits in the same county as AG-FYA's), two agencies visit one shared
// entity, clues in every status an agency must or must not see, transferred clues citing records, an
// invited supervisor's clue with a public report linked to it, import batches with personal data in
// their error files, notices, attachments, model settings and runs, a webhook receiver.
//
// Every object is listed in THINGS with the facts a reader needs to say who may see it (region,
// agency, owner, status, what cites it), so a test can hold any response against an independent
// statement of the rules (test/access-matrix.test.ts) rather than against the code under test.
import type { Store, Value } from '../../src/store/store.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/caller.ts';
import { withUsccCheck } from '../../src/domain/uscc.ts';
import { login } from '../../src/auth/users.ts';
import { recordId } from '../../src/records/record-id.ts';
import { copyRows } from './records.ts';

export const WORLD_PASSWORD = 'World-Test-2025';

export interface Agency {
  tag: string; // FYA, FYB, XHA, HSA
  id: string;
  region: string;
  line: string;
}

export const AGENCIES: Agency[] = [
  { tag: 'FYA', id: 'AG-FYA', region: '330111', line: 'CLE' },
  { tag: 'FYB', id: 'AG-FYB', region: '330111', line: 'MKT' },
  { tag: 'XHA', id: 'AG-XHA', region: '330106', line: 'MKT' },
  { tag: 'HSA', id: 'AG-HSA', region: '330203', line: 'CLE' },
];

export interface Person {
  username: string;
  role: Role;
  region: string;
  agency: string | null;
}

export const PEOPLE: Person[] = [
  { username: 'admin', role: 'admin', region: '330000', agency: null },
  { username: 'sup_zj', role: 'supervisor', region: '330000', agency: null },
  { username: 'sup_hz', role: 'supervisor', region: '330100', agency: null },
  { username: 'sup_fy', role: 'supervisor', region: '330111', agency: null },
  { username: 'sup_xh', role: 'supervisor', region: '330106', agency: null },
  { username: 'sup_nb', role: 'supervisor', region: '330200', agency: null },
  { username: 'staff_fya', role: 'agency_staff', region: '330111', agency: 'AG-FYA' },
  { username: 'staff_fyb', role: 'agency_staff', region: '330111', agency: 'AG-FYB' },
  { username: 'staff_xha', role: 'agency_staff', region: '330106', agency: 'AG-XHA' },
  { username: 'officer_fya', role: 'officer', region: '330111', agency: 'AG-FYA' },
  { username: 'invited_hz', role: 'invited_supervisor', region: '330100', agency: null },
  { username: 'invited_hz2', role: 'invited_supervisor', region: '330100', agency: null },
  { username: 'liaison_hz', role: 'discipline_liaison', region: '330100', agency: null },
  { username: 'liaison_nb', role: 'discipline_liaison', region: '330200', agency: null },
];

/** What a test needs to know about an object to say who may read it. */
export interface Thing {
  /** A record kind (inspections …), entities, agencies, officers, or clues, clue_reports, attachments, notices, notifications, import_batches. */
  kind: string;
  id: string;
  region: string;
  /** The agency it belongs to (through its case or task for deliveries, payments, follow-up answers). */
  agency: string | null;
  /** Entities: the agencies with a record of it. */
  agencies?: string[];
  /** Clues: status and who filed it; reports: who filed it; batches: the importing user. */
  status?: string;
  owner?: string;
  /** Records: cited by a transferred clue; clue reports, attachments: the clue they belong to. */
  cited?: boolean;
  clue?: string;
  /** Notices: advisory / supervision / transfer. */
  noticeKind?: string;
  /** Clues and notices: the number they are named by (富阳-2025-000001, 〔2025〕1号), once the store gave one. */
  number?: string;
  /** Notifications: the desk told (agency: its staff and officers; supervisor: that region's; liaison: the region's subtree). */
  audience?: 'agency' | 'supervisor' | 'liaison';
}

export const THINGS: Thing[] = [];

/** Personal data planted in clear: its value, its kind (personal-data.ts), and the id of the thing that holds it. */
export const PERSONAL: { value: string; kind: 'id_number' | 'phone' | 'name' | 'address'; owner: string }[] = [];

const uscc = (n: number) => withUsccCheck(`913301${String(n).padStart(2, '0')}MA${String(n).padStart(7, '0')}`);

/** Entities: one per agency (only that agency's records), one shared by 富阳's two agencies, one nobody has a record of. */
/** Cases carry the id the importer gives (source system world, source id case-<tag>), so a delivery or payment pushed through the API can name its case. */
export const CASES: Record<string, string> = Object.fromEntries(
  ['FYA', 'FYB', 'XHA', 'HSA'].map((t) => [t, recordId('cases', 'world', `case-${t}`)]),
);

export const ENTITIES = {
  FYA: uscc(11),
  FYB: uscc(12),
  XHA: uscc(13),
  HSA: uscc(14),
  FYS: uscc(15),
  FYX: uscc(16),
};

export interface World {
  users: Record<string, string>; // username → user id
}

/** A session cookie for a world user, opened by the login capability itself (the login route's rate limit is its own test's business). */
export async function sessionOf(store: Store, username: string): Promise<string> {
  const r = await login(store, username, WORLD_PASSWORD);
  if (r.token === null)
    throw new Error(`cannot log in ${username}${r.lockedUntil ? ` (locked until ${r.lockedUntil.toISOString()})` : ''}`);
  return `kedu_session=${r.token}`;
}

/** One row into a table, by column name. */
export async function put(store: Store, table: string, row: Record<string, Value>): Promise<void> {
  const cols = Object.keys(row);
  await copyRows(store, table, cols, [cols.map((c) => row[c])]);
}

const at = '2025-05-01T02:00:00.000Z';

export async function seedWorld(store: Store): Promise<World> {
  THINGS.length = 0;
  PERSONAL.length = 0;
  const thing = (t: Thing) => THINGS.push(t);

  await copyRows(
    store,
    'regions',
    ['code', 'name', 'parent_code', 'level'],
    [
      ['330000', '浙江省', null, 'province'],
      ['330100', '杭州市', '330000', 'city'],
      ['330111', '富阳区', '330100', 'county'],
      ['330106', '西湖区', '330100', 'county'],
      ['330200', '宁波市', '330000', 'city'],
      ['330203', '海曙区', '330200', 'county'],
    ],
  );
  await copyRows(
    store,
    'lines',
    ['code', 'name'],
    [
      ['CLE', '综合行政执法'],
      ['MKT', '市场监管'],
    ],
  );
  await copyRows(
    store,
    'regulations',
    ['id', 'title', 'kind', 'status'],
    [['xingzheng-chufa-fa', '中华人民共和国行政处罚法', 'law', 'verbatim']],
  );
  await copyRows(
    store,
    'articles',
    ['regulation_id', 'number', 'label', 'text'],
    [
      ['xingzheng-chufa-fa', 75, '第七十五条', '测试用条文七十五。'],
      ['xingzheng-chufa-fa', 76, '第七十六条', '测试用条文七十六。'],
    ],
  );
  await copyRows(
    store,
    'items',
    ['code', 'name', 'kind', 'line_code', 'fine_min', 'fine_max'],
    [['IT-1', '测试处罚事项', 'penalty', 'CLE', 200, 2000]],
  );
  await copyRows(
    store,
    'inspection_items',
    ['code', 'item_code', 'name', 'line_code', 'region_code', 'max_per_year'],
    [['II-1', 'IT-1', '测试检查事项', 'CLE', '330000', 12]],
  );

  for (const a of AGENCIES) {
    await put(store, 'agencies', { id: a.id, name: `测试执法部门${a.tag}`, line_code: a.line, region_code: a.region, level: 'county' });
    thing({ kind: 'agencies', id: a.id, region: a.region, agency: a.id });
  }
  const users: Record<string, string> = {};
  for (const p of PEOPLE) {
    const c = await createUser(
      store,
      { username: p.username, displayName: p.username, password: WORLD_PASSWORD, role: p.role, regionCode: p.region, agencyId: p.agency },
      'system',
    );
    users[p.username] = c.userId;
  }

  const entityRegion: Record<keyof typeof ENTITIES, string> = {
    FYA: '330111',
    FYB: '330111',
    XHA: '330106',
    HSA: '330203',
    FYS: '330111',
    FYX: '330111',
  };
  const entityAgencies: Record<keyof typeof ENTITIES, string[]> = {
    FYA: ['AG-FYA'],
    FYB: ['AG-FYB'],
    XHA: ['AG-XHA'],
    HSA: ['AG-HSA'],
    FYS: ['AG-FYA', 'AG-FYB'],
    FYX: [],
  };
  for (const [i, [tag, code]] of Object.entries(ENTITIES).entries()) {
    const k = tag as keyof typeof ENTITIES;
    const legalRep = `法人代表${['甲', '乙', '丙', '丁', '戊', '己'][i]}某某`;
    const address = `浙江省杭州市测试路${100 + i}号${i + 1}幢`;
    const phone = `1370000${String(1000 + i)}`;
    await put(store, 'entities', {
      uscc: code,
      name: `测试主体${tag}`,
      region_code: entityRegion[k],
      industry: '测试',
      address,
      legal_rep: legalRep,
      phone,
      registered_on: '2020-01-01',
    });
    // The agencies' own entities are named by their transferred clues (below); the shared and the untouched one are not.
    thing({
      kind: 'entities',
      id: code,
      region: entityRegion[k],
      agency: null,
      agencies: entityAgencies[k],
      cited: k !== 'FYS' && k !== 'FYX',
    });
    PERSONAL.push({ value: legalRep, kind: 'name', owner: code }, { value: address, kind: 'address', owner: code });
    PERSONAL.push({ value: phone, kind: 'phone', owner: code });
  }

  for (const [i, a] of AGENCIES.entries()) {
    const t = a.tag;
    const e = ENTITIES[t as keyof typeof ENTITIES];
    const rec = (kind: string, id: string, extra: Partial<Thing> = {}) => thing({ kind, id, region: a.region, agency: a.id, ...extra });
    const idNumber = `33010119900101${String(1000 + i)}`;
    const phone = `1390000${String(2000 + i)}`;
    await put(store, 'officers', { id: `OF-${t}`, name: `执法员${t}`, agency_id: a.id, region_code: a.region, id_number: idNumber, phone });
    rec('officers', `OF-${t}`);
    PERSONAL.push({ value: idNumber, kind: 'id_number', owner: `OF-${t}` }, { value: phone, kind: 'phone', owner: `OF-${t}` });
    const src = (n: string) => ({ source_system: 'world', source_id: `${n}-${t}` });

    await put(store, 'licences', {
      id: `LIC-${t}`,
      ...src('lic'),
      region_code: a.region,
      agency_id: a.id,
      item_code: 'IT-1',
      entity_uscc: e,
      applied_on: '2025-03-01',
      decided_on: '2025-03-05',
      result: 'granted',
    });
    rec('licences', `LIC-${t}`);
    await put(store, 'inspections', {
      id: `INS-${t}`,
      ...src('ins'),
      region_code: a.region,
      agency_id: a.id,
      inspection_item_code: 'II-1',
      entity_uscc: e,
      inspected_on: '2025-03-10',
      kind: 'random',
      joint_id: null,
      lead_officer_id: `OF-${t}`,
      assist_officer_id: null,
      via_code: true,
      result: 'issues',
    });
    // The agency's transferred clue cites this inspection (below); a second one, INSU-, nothing cites.
    rec('inspections', `INS-${t}`, { cited: true });
    await put(store, 'inspections', {
      id: `INSU-${t}`,
      ...src('insu'),
      region_code: a.region,
      agency_id: a.id,
      inspection_item_code: 'II-1',
      entity_uscc: e,
      inspected_on: '2025-03-18',
      kind: 'planned',
      joint_id: null,
      lead_officer_id: `OF-${t}`,
      assist_officer_id: null,
      via_code: true,
      result: 'compliant',
    });
    rec('inspections', `INSU-${t}`);
    await put(store, 'cases', {
      id: CASES[t],
      ...src('case'),
      region_code: a.region,
      agency_id: a.id,
      item_code: 'IT-1',
      entity_uscc: e,
      inspection_id: `INS-${t}`,
      filed_on: '2025-03-11',
      first_offence: true,
      corrected: true,
      harm: 'minor',
      facts: '测试案情',
      lead_officer_id: `OF-${t}`,
      assist_officer_id: null,
      decided_on: '2025-03-20',
      decision: 'fine',
      tier: 'general',
      fine_amount: 1000 + i,
      status: 'decided',
    });
    rec('cases', CASES[t]);
    await put(store, 'deliveries', {
      id: `DLV-${t}`,
      ...src('dlv'),
      region_code: a.region,
      case_id: CASES[t],
      method: 'post',
      sent_on: '2025-03-21',
      delivered_on: '2025-03-23',
    });
    rec('deliveries', `DLV-${t}`);
    await put(store, 'payments', {
      id: `PAY-${t}`,
      ...src('pay'),
      region_code: a.region,
      case_id: CASES[t],
      amount: 1000 + i,
      due_on: '2025-04-07',
      paid_on: '2025-04-01',
    });
    rec('payments', `PAY-${t}`);
    await put(store, 'review_outcomes', {
      id: `REV-${t}`,
      ...src('rev'),
      region_code: a.region,
      agency_id: a.id,
      case_id: CASES[t],
      route: 'reconsideration',
      applied_on: '2025-04-10',
      decided_on: '2025-05-20',
      outcome: 'upheld',
      carried_out_on: null,
      case_withdrawn_on: null,
    });
    rec('review_outcomes', `REV-${t}`);
    await put(store, 'service_visits', {
      id: `SVC-${t}`,
      ...src('svc'),
      region_code: a.region,
      agency_id: a.id,
      entity_uscc: e,
      visited_on: '2025-03-12',
      topic: '政策宣讲',
      officer_id: `OF-${t}`,
    });
    rec('service_visits', `SVC-${t}`);
    if (a.region === '330111') {
      await put(store, 'service_visits', {
        id: `SVS-${t}`,
        ...src('svs'),
        region_code: a.region,
        agency_id: a.id,
        entity_uscc: ENTITIES.FYS,
        visited_on: '2025-03-13',
        topic: '走访',
        officer_id: `OF-${t}`,
      });
      rec('service_visits', `SVS-${t}`);
    }
    await put(store, 'hotline_tickets', {
      id: `HOT-${t}`,
      source_system: '12345',
      source_id: `T-${t}`,
      region_code: a.region,
      received_at: '2025-03-15T02:00:00Z',
      category: '执法投诉',
      content: `反映执法人员态度粗暴，工单${t}`,
      entity_uscc: e,
      agency_id: a.id,
      status: 'open',
      clue_id: null,
      intake: null,
    });
    rec('hotline_tickets', `HOT-${t}`);
    await put(store, 'delegations', {
      id: `DLG-${t}`,
      ...src('dlg'),
      region_code: a.region,
      agency_id: a.id,
      service_code: null,
      service_name: '测试服务',
      provider_name: `测试服务商${t}`,
      provider_uscc: null,
      approved: true,
      fee: 100,
      signed_on: '2025-02-01',
    });
    rec('delegations', `DLG-${t}`);
    await put(store, 'campaigns', {
      id: `CP-${t}`,
      region_code: a.region,
      name: `回访${t}`,
      level: 'county',
      subject_kind: 'case',
      mode: 'cloud',
      created_at: at,
      status: 'open',
    });
    await put(store, 'followup_tasks', {
      id: `FT-${t}`,
      campaign_id: `CP-${t}`,
      region_code: a.region,
      subject_kind: 'case',
      subject_id: CASES[t],
      entity_uscc: e,
      channel: 'phone',
      status: 'answered',
      agency_id: a.id,
      second_call_status: 'pending',
      second_call_due: '2025-05-10',
    });
    thing({ kind: 'campaigns', id: `CP-${t}`, region: a.region, agency: null });
    thing({ kind: 'followup_tasks', id: `FT-${t}`, region: a.region, agency: a.id });
    await put(store, 'followup_answers', {
      id: `FUA-${t}`,
      ...src('fua'),
      task_id: `FT-${t}`,
      region_code: a.region,
      answered_at: '2025-04-02T02:00:00Z',
      satisfaction: 2,
      says_inspection: false,
      transcript: `回访录音转写${t}`,
    });
    rec('followup_answers', `FUA-${t}`);

    // Clues about the agency: assigned to it (it sees), new (it does not yet), transferred citing its inspection.
    const clue = async (id: string, status: string, extra: Record<string, Value> = {}) => {
      await put(store, 'clues', {
        id,
        region_code: a.region,
        agency_id: a.id,
        source: 'model',
        model_code: 'INS_SINGLE_OFFICER',
        dedupe_key: id,
        severity: 'high',
        title: `测试线索${id}`,
        explanation: '执法检查中存在程序问题，需要核查。',
        evidence: JSON.stringify({ kind: 'inspections', ids: [`INS-${t}`] }),
        params: null,
        status,
        deadline: ['assigned', 'rectifying', 'returned', 'submitted'].includes(status) ? '2099-01-01' : null,
        created_at: at,
        updated_at: at,
        case_id: null,
        entity_uscc: e,
        subject_name: null,
        created_by: null,
        rectification: null,
        basis: null,
        escalation_level: null,
        escalated_at: null,
        ...extra,
      });
      thing({ kind: 'clues', id, region: a.region, agency: a.id, status });
    };
    await clue(`CL-${t}-ASG`, 'assigned');
    await clue(`CL-${t}-NEW`, 'new');
    await clue(`CL-${t}-TRF`, 'transferred');
    await put(store, 'clue_attachments', {
      id: `AT-${t}`,
      clue_id: `CL-${t}-ASG`,
      region_code: a.region,
      file_name: `整改材料${t}.pdf`,
      content_type: 'application/pdf',
      size_bytes: 4,
      sha256: '0'.repeat(64),
      sm3: '0'.repeat(64),
      storage_path: `world/AT-${t}`,
      uploaded_by: users.admin,
      uploaded_at: at,
    });
    thing({ kind: 'attachments', id: `AT-${t}`, region: a.region, agency: a.id, clue: `CL-${t}-ASG`, status: 'assigned' });

    // Notices: an advisory notice to the agency, and a transfer letter about its transferred clue.
    const notice = async (id: string, kind: string, agencyId: string | null, clueId: string, n: number) => {
      await put(store, 'notices', {
        id,
        region_code: a.region,
        kind,
        number: `测司监督〔2025〕${n}号`,
        agency_id: agencyId,
        clue_ids: JSON.stringify([clueId]),
        issued_on: '2025-05-02',
        deadline: '2099-01-01',
        response: null,
        responded_on: null,
        status: 'issued',
        title: kind === 'transfer' ? '移送函' : '监督提示单',
        addressee: kind === 'transfer' ? '纪委监委' : `测试执法部门${t}`,
        issuer: '测试司法局',
        content: JSON.stringify({ opening: '', facts: [], basis: [], requirement: '' }),
        created_by: users.admin,
        created_at: at,
        responded_by: null,
      });
      thing({ kind: 'notices', id, region: a.region, agency: agencyId, noticeKind: kind });
    };
    await notice(`NT-${t}-ADV`, 'advisory', a.id, `CL-${t}-ASG`, 10 + i);
    await notice(`NT-${t}-TRF`, 'transfer', null, `CL-${t}-TRF`, 20 + i);
  }
  // The transferred clue of 海曙 cites its inspection too; the liaisons' regions decide who reads it.

  // Invited supervisors: each files one clue in a Hangzhou county; a public report is linked to the first.
  const invited = async (id: string, username: string, region: string, n: number) => {
    const contact = `1360000${String(3000 + n)}`;
    await put(store, 'clues', {
      id,
      region_code: region,
      agency_id: null,
      source: 'invited',
      model_code: null,
      dedupe_key: id,
      severity: 'medium',
      title: `特邀监督员反映${id}`,
      explanation: '特邀监督员反映执法人员未出示证件。',
      evidence: JSON.stringify({ kind: 'report', ids: [`RP-${id}`], source: 'invited' }),
      params: null,
      status: 'new',
      deadline: null,
      created_at: at,
      updated_at: at,
      case_id: null,
      entity_uscc: null,
      subject_name: null,
      created_by: users[username],
      rectification: null,
      basis: null,
      escalation_level: null,
      escalated_at: null,
    });
    thing({ kind: 'clues', id, region, agency: null, status: 'new', owner: username });
    await put(store, 'clue_reports', {
      id: `RP-${id}`,
      clue_id: id,
      region_code: region,
      source: 'invited',
      source_ref: users[username],
      follow_code: null,
      agency_id: null,
      entity_uscc: null,
      subject_name: null,
      content: '特邀监督员反映执法人员未出示证件。',
      contact,
      linked: false,
      similarity: null,
      received_at: at,
    });
    thing({ kind: 'clue_reports', id: `RP-${id}`, region, agency: null, owner: username, clue: id });
    PERSONAL.push({ value: contact, kind: 'phone', owner: `RP-${id}` });
  };
  await invited('CL-INV1', 'invited_hz', '330111', 1);
  await invited('CL-INV2', 'invited_hz2', '330106', 2);
  const publicContact = '13600009999';
  await put(store, 'clue_reports', {
    id: 'RP-PUB1',
    clue_id: 'CL-INV1',
    region_code: '330111',
    source: 'public',
    source_ref: null,
    follow_code: 'WORLDCODE1',
    agency_id: null,
    entity_uscc: null,
    subject_name: null,
    content: '群众反映同一事项。',
    contact: publicContact,
    linked: true,
    similarity: 0.9,
    received_at: at,
  });
  thing({ kind: 'clue_reports', id: 'RP-PUB1', region: '330111', agency: null, owner: 'public', clue: 'CL-INV1' });
  PERSONAL.push({ value: publicContact, kind: 'phone', owner: 'RP-PUB1' });

  // Import batches: by two agencies' staff and by supervisors; the error files carry a phone and a name.
  const batch = async (id: string, username: string, region: string, n: number) => {
    const phone = `1350000${String(4000 + n)}`;
    const name = `联系人${['子', '丑', '寅', '卯', '辰'][n]}某`;
    await put(store, 'import_batches', {
      id,
      kind: 'entities',
      source_system: 'world',
      file_name: `${id}.csv`,
      region_code: region,
      rows_total: 2,
      rows_ok: 1,
      rows_bad: 1,
      errors: JSON.stringify([
        {
          row: 3,
          field: 'uscc',
          message: '统一社会信用代码校验位错误',
          record: {
            统一社会信用代码: '91330111MA00000010',
            名称: `导入主体${id}`,
            法定代表人: name,
            联系电话: phone,
            住所: '测试地址某某',
          },
        },
      ]),
      started_at: at,
      finished_at: at,
      created_by: users[username],
    });
    thing({ kind: 'import_batches', id, region, agency: PEOPLE.find((p) => p.username === username)!.agency, owner: username });
    PERSONAL.push({ value: phone, kind: 'phone', owner: id }, { value: name, kind: 'name', owner: id });
  };
  await batch('IMP-STAFFFYA', 'staff_fya', '330111', 0);
  await batch('IMP-STAFFFYB', 'staff_fyb', '330111', 1);
  await batch('IMP-SUPFY', 'sup_fy', '330111', 2);
  await batch('IMP-SUPXH', 'sup_xh', '330106', 3);
  await batch('IMP-SUPNB', 'sup_nb', '330200', 4);

  await put(store, 'model_settings', {
    model_code: 'INS_SINGLE_OFFICER',
    region_code: '330111',
    enabled: true,
    params: '{}',
    updated_at: at,
    updated_by: users.admin,
  });
  for (const [id, region] of [
    ['RUN-FY', '330111'],
    ['RUN-HS', '330203'],
  ])
    await put(store, 'model_runs', {
      id,
      model_code: 'INS_SINGLE_OFFICER',
      region_code: region,
      trigger: 'batch',
      started_at: at,
      millis: 1,
      hits: 0,
      new_clues: 0,
    });
  for (const [id, region] of [
    ['RUN-FY', '330111'],
    ['RUN-HS', '330203'],
  ])
    thing({ kind: 'model_runs', id, region, agency: null });
  await put(store, 'webhook_endpoints', {
    id: 'WE-WORLD',
    region_code: '330000',
    url: 'https://hooks.example.com/kedu',
    secret: 'world-webhook-secret-0001',
    events: 'clue.assigned,clue.closed',
    active: true,
    created_by: users.admin,
    created_at: at,
  });
  thing({ kind: 'webhooks', id: 'WE-WORLD', region: '330000', agency: null });

  // Case-file reviews: a round in 富阳 and one in 海曙, a file of each agency's case; 富阳 A's file is
  // the invited supervisor's to score (an invited supervisor may be drawn as a reviewer).
  for (const [round, region] of [
    ['RR-FY', '330111'],
    ['RR-HS', '330203'],
  ]) {
    await put(store, 'review_rounds', {
      id: round,
      region_code: region,
      name: `评查${round}`,
      decided_from: '2025-01-01',
      decided_to: '2025-12-31',
      per_agency: 1,
      seed: 'world-seed-0001',
      reviewers: JSON.stringify([users.sup_fy]),
      created_by: users.admin,
      created_at: at,
    });
    thing({ kind: 'review_rounds', id: round, region, agency: null });
  }
  for (const a of AGENCIES.filter((x) => x.tag !== 'XHA')) {
    const reviewer = a.tag === 'FYA' ? 'invited_hz' : a.tag === 'FYB' ? 'sup_fy' : 'sup_nb';
    await put(store, 'review_files', {
      id: `RF-${a.tag}`,
      round_id: a.tag === 'HSA' ? 'RR-HS' : 'RR-FY',
      case_id: CASES[a.tag],
      agency_id: a.id,
      region_code: a.region,
      reviewer_id: users[reviewer],
      status: 'pending',
    });
    thing({ kind: 'review_files', id: `RF-${a.tag}`, region: a.region, agency: a.id, owner: reviewer });
  }

  // The assistant: a conversation of the admin's and one of 富阳 A's staff, each with an answer holding a table.
  for (const username of ['admin', 'staff_fya']) {
    const id = `AC-${username}`;
    await put(store, 'assistant_conversations', {
      id,
      user_id: users[username],
      region_code: PEOPLE.find((p) => p.username === username)!.region,
      title: '测试对话',
      context: '{}',
      created_at: at,
      updated_at: at,
    });
    await put(store, 'assistant_asks', {
      id: `AK-${username}`,
      conversation_id: id,
      user_id: users[username],
      region_code: PEOPLE.find((p) => p.username === username)!.region,
      question: '测试问题',
      answers: JSON.stringify([
        {
          question: '测试问题',
          intent: 'data',
          kind: 'data',
          text: '测试回答',
          notes: [],
          citations: [],
          records: [],
          figures: [1],
          understood: [],
          queries: [],
          table: { columns: [{ key: 'n', title: '数量', numeric: true }], rows: [{ n: 1 }] },
        },
      ]),
      millis: 1,
      via_model: false,
      asked_at: at,
    });
    thing({ kind: 'conversations', id, region: '330000', agency: null, owner: username });
    thing({ kind: 'asks', id: `AK-${username}`, region: '330000', agency: null, owner: username });
  }
  return { users };
}
