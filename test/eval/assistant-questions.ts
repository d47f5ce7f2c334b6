// The assistant's question set: questions as staff type them (colloquial, mistyped places, Chinese
// numerals, several in one message, follow-ups, out of scope), each with what a correct answer must
// hold. Data expectations are SQL written here, by hand, independently of the assistant's planner;
// law expectations name the corpus articles (checked against data/law) and the catalog files.
// Asked on the demo data set (scale demo, seed 1), as of 2025-12-31.

export type Asker = 'city' | 'county' | 'province' | 'agency';

export type Expect =
  /** The figure of an ungrouped answer equals the SQL's v. */
  | { v: string }
  /** The rows (label, v) equal the SQL's rows (label, v), in order. */
  | { top: string }
  /** The rows equal the SQL's rows as a set of label → v (order free). */
  | { rows: string }
  /** 同比/环比: the figure, the earlier figure and the change in per cent. */
  | { compare: [string, string] }
  /** 占比: the part and the base; the share in per cent. */
  | { share: [string, string] }
  /** The answer cites these articles (regulation id, number), each verbatim. */
  | { cites: [string, number][] }
  /** A penalty answer states the item's statutory range from data/catalog/items.json. */
  | { fine: string }
  /** An exemption answer: the item is (or is not) on a list in force for the asker. */
  | { exempt: string; listed: boolean }
  /** The items of a line: as many rows as data/catalog/items.json has for it. */
  | { lineItems: string }
  /** A model answer about this model, citing its basis. */
  | { model: string }
  /** The list of all models. */
  | { models: true }
  /**
   * 裁量导航 on a described case: the item, the case's region, and the tier its facts select (written here by
   * hand from the discretion rules); the answer states that tier's range from the most local baseline in
   * data/catalog/baselines.json (不予处罚 cites 行政处罚法 第三十三条), and whether the proposal goes to review.
   */
  | { navigator: { item: string; region: string; tier: 'exempt' | 'mitigated' | 'lenient' | 'general' | 'severe'; review?: boolean } }
  /** The no-penalty list in force: as many rows as data/catalog/exemptions.json holds for the asker. */
  | { exemptionList: true }
  | { notHeld: true }
  | { refused: true }
  | { unsupported: true };

export interface EvalCase {
  category: string;
  asker?: Asker;
  /** Messages of one conversation; the expectations judge the answers of the last one. */
  turns: string[];
  expect: Expect[];
}

// ── independent SQL (region prefix, period) ─────────────────────────────────────────────────────
const P = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
const reg = (code: string, alias = 't') => `${alias}.region_code LIKE '${P(code)}%'`;
const between = (col: string, [from, to]: readonly [string, string]) => `CAST(${col} AS DATE) BETWEEN '${from}' AND '${to}'`;
const ALL: readonly [string, string] = ['1900-01-01', '2999-12-31'];
const Y25 = ['2025-01-01', '2025-12-31'] as const;
const Y24 = ['2024-01-01', '2024-12-31'] as const;
const H1_25 = ['2025-01-01', '2025-06-30'] as const;
const H1_24 = ['2024-01-01', '2024-06-30'] as const;
const H2_24 = ['2024-07-01', '2024-12-31'] as const;
const H2_25 = ['2025-07-01', '2025-12-31'] as const;
const Q1_25 = ['2025-01-01', '2025-03-31'] as const;
const Q3_25 = ['2025-07-01', '2025-09-30'] as const;
const Q2_25 = ['2025-04-01', '2025-06-30'] as const;
const Q4_24 = ['2024-10-01', '2024-12-31'] as const;
const Q4_25 = ['2025-10-01', '2025-12-31'] as const;
const NOV_25 = ['2025-11-01', '2025-11-30'] as const;
const OCT_25 = ['2025-10-01', '2025-10-31'] as const;
const MAR_25 = ['2025-03-01', '2025-03-31'] as const;
const L30 = ['2025-12-02', '2025-12-31'] as const;
const L90D = ['2025-10-03', '2025-12-31'] as const;
const L3M = ['2025-10-01', '2025-12-31'] as const;

type Range = readonly [string, string];
const insp = (r: string, d: Range = ALL, extra = '') =>
  `SELECT count(*) AS v FROM inspections t WHERE ${reg(r)} AND ${between('t.inspected_on', d)}${extra}`;
const cases = (r: string, d: Range = ALL, extra = '') =>
  `SELECT count(*) AS v FROM cases t WHERE ${reg(r)} AND ${between('t.filed_on', d)}${extra}`;
const fines = (r: string, d: Range = ALL, extra = '') =>
  `SELECT COALESCE(sum(t.fine_amount), 0) AS v FROM cases t WHERE ${reg(r)} AND t.decision = 'fine' AND ${between('t.decided_on', d)}${extra}`;
const avgFine = (r: string, d: Range = ALL) =>
  `SELECT round(avg(t.fine_amount), 2) AS v FROM cases t WHERE ${reg(r)} AND t.decision = 'fine' AND ${between('t.decided_on', d)}`;
const lic = (r: string, d: Range = ALL, extra = '') =>
  `SELECT count(*) AS v FROM licences t WHERE ${reg(r)} AND ${between('t.applied_on', d)}${extra}`;
const tickets = (r: string, d: Range = ALL, extra = '') =>
  `SELECT count(*) AS v FROM hotline_tickets t WHERE ${reg(r)} AND ${between('t.received_at', d)}${extra}`;
const visits = (r: string, d: Range = ALL) =>
  `SELECT count(*) AS v FROM service_visits t WHERE ${reg(r)} AND ${between('t.visited_on', d)}`;
const delivs = (r: string, d: Range = ALL, extra = '') =>
  `SELECT count(*) AS v FROM deliveries t WHERE ${reg(r)} AND ${between('t.sent_on', d)}${extra}`;
const paid = (r: string, d: Range = ALL) =>
  `SELECT COALESCE(sum(t.amount), 0) AS v FROM payments t WHERE ${reg(r)} AND t.paid_on IS NOT NULL AND ${between('t.paid_on', d)}`;
const satis = (r: string, d: Range = ALL) =>
  `SELECT round(avg(t.satisfaction), 2) AS v FROM followup_answers t WHERE ${reg(r)} AND t.satisfaction IS NOT NULL AND ${between('t.answered_at', d)}`;
const clues = (r: string, extra = '') => `SELECT count(*) AS v FROM clues t WHERE ${reg(r)}${extra}`;
const line = (l: string) => ` AND t.agency_id IN (SELECT id FROM agencies WHERE line_code = '${l}')`;
const entities = (r: string) => `SELECT count(*) AS v FROM entities t WHERE ${reg(r)}`;
const agencyOf = (id: string) => ` AND t.agency_id = '${id}'`;

/** Per child region: label = region name. */
const byCounty = (table: string, dateCol: string, value: string, r: string, d: Range, extra = '', limit = 50, dir = 'DESC') =>
  `SELECT rg.name AS label, ${value} AS v FROM ${table} t JOIN regions rg ON rg.code = substr(t.region_code, 1, 6)
   WHERE ${reg(r)} AND ${between(`t.${dateCol}`, d)}${extra} GROUP BY rg.name, rg.code ORDER BY v ${dir}, rg.code LIMIT ${limit}`;
const byCity = (table: string, dateCol: string, value: string, d: Range, extra = '') =>
  `SELECT rg.name AS label, ${value} AS v FROM ${table} t JOIN regions rg ON rg.code = substr(t.region_code, 1, 4) || '00'
   WHERE ${between(`t.${dateCol}`, d)}${extra} GROUP BY rg.name, rg.code ORDER BY v DESC, rg.code`;
const byLine = (table: string, dateCol: string, value: string, r: string, d: Range) =>
  `SELECT ln.name AS label, ${value} AS v FROM ${table} t JOIN agencies ag ON ag.id = t.agency_id JOIN lines ln ON ln.code = ag.line_code
   WHERE ${reg(r)} AND ${between(`t.${dateCol}`, d)} GROUP BY ln.name, ln.code ORDER BY v DESC, ln.code`;
const byMonth = (table: string, dateCol: string, value: string, r: string, d: Range, extra = '') =>
  `SELECT substr(CAST(CAST(t.${dateCol} AS DATE) AS VARCHAR), 1, 7) AS label, ${value} AS v FROM ${table} t
   WHERE ${reg(r)} AND ${between(`t.${dateCol}`, d)}${extra} GROUP BY 1 ORDER BY 1`;
const topInspectionItems = (r: string, d: Range, n: number, extra = '') =>
  `SELECT ii.name AS label, count(*) AS v FROM inspections t JOIN inspection_items ii ON ii.code = t.inspection_item_code
   WHERE ${reg(r)} AND ${between('t.inspected_on', d)}${extra} GROUP BY ii.name, ii.code ORDER BY v DESC, ii.code LIMIT ${n}`;
const topCaseItems = (r: string, d: Range, n: number, value = 'count(*)', extra = '') =>
  `SELECT it.name AS label, ${value} AS v FROM cases t JOIN items it ON it.code = t.item_code
   WHERE ${reg(r)} AND ${between(value === 'count(*)' ? 't.filed_on' : 't.decided_on', d)}${extra} GROUP BY it.name, it.code ORDER BY v DESC, it.code LIMIT ${n}`;
const topAgencies = (table: string, dateCol: string, r: string, d: Range, n: number) =>
  `SELECT ag.name AS label, count(*) AS v FROM ${table} t JOIN agencies ag ON ag.id = t.agency_id
   WHERE ${reg(r)} AND ${between(`t.${dateCol}`, d)} GROUP BY ag.name, ag.id ORDER BY v DESC, ag.id LIMIT ${n}`;
const topEntities = (r: string, d: Range, n: number) =>
  `SELECT en.name AS label, count(*) AS v FROM inspections t JOIN entities en ON en.uscc = t.entity_uscc
   WHERE ${reg(r)} AND ${between('t.inspected_on', d)} GROUP BY en.name, en.uscc ORDER BY v DESC, en.uscc LIMIT ${n}`;
const ticketCategories = (r: string, d: Range) =>
  `SELECT t.category AS label, count(*) AS v FROM hotline_tickets t WHERE ${reg(r)} AND ${between('t.received_at', d)} GROUP BY t.category ORDER BY v DESC, t.category`;

const HZ = '330100';
const FY = '330111';
const XS = '330109';
const YH = '330110';
const XH = '330106';
const BJ = '330108';
const SC = '330102';
const GS = '330105';
const LA = '330112';
const TL = '330122';
const CA = '330127';
const JD = '330182';
const LP = '330113';
const QT = '330114';

export const CASES: EvalCase[] = [
  // ── the seed ─────────────────────────────────────────────────────────────────────────────────
  {
    category: '种子问题',
    turns: ['无照经营违反哪些规定?会受到哪些处罚?杭州市检查数量最多的10个事项是什么?'],
    expect: [
      {
        cites: [
          ['shichang-zhuti-dengji-guanli-tiaoli', 3],
          ['wuzheng-wuzhao-jingying-chachu-banfa', 2],
        ],
      },
      { fine: 'MKT-P001' },
      { top: topInspectionItems(HZ, ALL, 10) },
    ],
  },
  // ── law: which articles ──────────────────────────────────────────────────────────────────────
  { category: '法律·违反条款', turns: ['无照经营违反了什么法律'], expect: [{ cites: [['shichang-zhuti-dengji-guanli-tiaoli', 3]] }] },
  {
    category: '法律·违反条款',
    turns: ['没有营业执照就开店，违反哪条规定？'],
    expect: [{ cites: [['shichang-zhuti-dengji-guanli-tiaoli', 3]] }],
  },
  {
    category: '法律·违反条款',
    turns: ['占道经营违反什么规定'],
    expect: [{ cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 17]] }],
  },
  {
    category: '法律·违反条款',
    turns: ['在路边摆地摊算违法吗，依据是啥'],
    expect: [{ cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 17]] }],
  },
  {
    category: '法律·违反条款',
    turns: ['乱倒垃圾违反哪些规定'],
    expect: [{ cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 32]] }],
  },
  { category: '法律·违反条款', turns: ['卖过期食品触犯了哪条法律？'], expect: [{ cites: [['shipin-anquan-fa', 34]] }] },
  { category: '法律·违反条款', turns: ['堵塞消防通道违反什么法'], expect: [{ cites: [['xiaofang-fa', 28]] }] },
  { category: '法律·违反条款', turns: ['饭店碗筷不消毒违法吗'], expect: [{ cites: [['shipin-anquan-fa', 33]] }] },
  { category: '法律·违反条款', turns: ['虚假宣传违反广告法哪一条'], expect: [{ cites: [['guanggao-fa', 28]] }] },
  { category: '法律·违反条款', turns: ['餐馆员工没有健康证的法律依据是什么'], expect: [{ cites: [['shipin-anquan-fa', 45]] }] },
  {
    category: '法律·违反条款',
    turns: ['单位垃圾不分类投放违反什么规定'],
    expect: [{ cites: [['zhejiang-shenghuo-laji-guanli-tiaoli', 27]] }],
  },
  {
    category: '法律·违反条款',
    turns: ['渣土车沿路遗撒建筑垃圾，违反哪些规定'],
    expect: [{ cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 28]] }],
  },
  {
    category: '法律·违反条款',
    turns: ['到处乱贴小广告违反啥规定'],
    expect: [{ cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 20]] }],
  },
  { category: '法律·违反条款', turns: ['营业执照没挂出来违反哪条'], expect: [{ cites: [['shichang-zhuti-dengji-guanli-tiaoli', 36]] }] },
  {
    category: '法律·违反条款',
    turns: ['出租营业执照给别人用违反什么规定'],
    expect: [{ cites: [['shichang-zhuti-dengji-guanli-tiaoli', 37]] }],
  },
  { category: '法律·违反条款', turns: ['商场免费给塑料袋违反了啥'], expect: [{ cites: [['zhejiang-shenghuo-laji-guanli-tiaoli', 20]] }] },
  // ── law: penalties ───────────────────────────────────────────────────────────────────────────
  { category: '法律·罚则', turns: ['无照经营怎么罚'], expect: [{ fine: 'MKT-P001' }] },
  { category: '法律·罚则', turns: ['乱倒垃圾罚多少钱'], expect: [{ fine: 'CLE-P014' }] },
  { category: '法律·罚则', turns: ['占道经营一般怎么处罚？'], expect: [{ fine: 'CLE-P003' }] },
  { category: '法律·罚则', turns: ['卖过期食品会受到什么处罚'], expect: [{ fine: 'MKT-P011' }] },
  { category: '法律·罚则', turns: ['堵塞疏散通道，单位罚多少'], expect: [{ fine: 'FIR-P004' }] },
  { category: '法律·罚则', turns: ['占用消防车通道的罚则是啥'], expect: [{ fine: 'FIR-P006' }] },
  { category: '法律·罚则', turns: ['发布虚假广告处罚标准是多少'], expect: [{ fine: 'MKT-P022' }] },
  { category: '法律·罚则', turns: ['没办食品经营许可就卖吃的要承担什么法律责任'], expect: [{ fine: 'MKT-P008' }] },
  { category: '法律·罚则', turns: ['共享单车乱停放，运营企业怎么处理'], expect: [{ fine: 'CLE-P010' }] },
  { category: '法律·罚则', turns: ['灭火器过期了会被罚吗'], expect: [{ fine: 'FIR-P002' }] },
  { category: '法律·罚则', turns: ['宾馆主动提供一次性用品罚款幅度'], expect: [{ fine: 'CTR-P001' }] },
  { category: '法律·罚则', turns: ['没有进货台账咋罚'], expect: [{ fine: 'MKT-P014' }] },
  { category: '法律·罚则', turns: ['私拉电线怎么处罚'], expect: [{ fine: 'FIR-P011' }] },
  { category: '法律·罚则', turns: ['违章搭建堆放物料罚多少'], expect: [{ fine: 'CLE-P002' }] },
  { category: '法律·罚则', turns: ['乱涂乱画罚款多少钱'], expect: [{ fine: 'CLE-P009' }] },
  // ── law: exemption ───────────────────────────────────────────────────────────────────────────
  { category: '法律·免罚', turns: ['营业执照没挂，第一次被查，能免罚吗'], expect: [{ exempt: 'MKT-P005', listed: true }] },
  { category: '法律·免罚', turns: ['无照经营可以首违不罚吗'], expect: [{ exempt: 'MKT-P001', listed: true }] },
  { category: '法律·免罚', turns: ['乱倒垃圾能不能不罚'], expect: [{ exempt: 'CLE-P014', listed: true }] },
  { category: '法律·免罚', turns: ['卖过期食品可以免于处罚吗'], expect: [{ exempt: 'MKT-P011', listed: false }] },
  { category: '法律·免罚', turns: ['发布虚假广告属于轻微违法不予处罚吗'], expect: [{ exempt: 'MKT-P022', listed: false }] },
  { category: '法律·免罚', turns: ['占用消防车通道首次违法能不予处罚吗'], expect: [{ exempt: 'FIR-P006', listed: true }] },
  { category: '法律·免罚', turns: ['标签有瑕疵首违不罚吗'], expect: [{ exempt: 'MKT-P013', listed: true }] },
  { category: '法律·免罚', asker: 'county', turns: ['富阳这边店外经营能免罚吗'], expect: [{ exempt: 'CLE-P004', listed: true }] },
  // ── law: articles ────────────────────────────────────────────────────────────────────────────
  { category: '法律·条文', turns: ['行政处罚法第三十三条是怎么规定的'], expect: [{ cites: [['xingzheng-chufa-fa', 33]] }] },
  { category: '法律·条文', turns: ['处罚法33条说了啥'], expect: [{ cites: [['xingzheng-chufa-fa', 33]] }] },
  { category: '法律·条文', turns: ['食品安全法第一百二十二条'], expect: [{ cites: [['shipin-anquan-fa', 122]] }] },
  { category: '法律·条文', turns: ['《中华人民共和国行政许可法》第四十二条内容'], expect: [{ cites: [['xingzheng-xuke-fa', 42]] }] },
  { category: '法律·条文', turns: ['行政强制法第25条讲的什么'], expect: [{ cites: [['xingzheng-qiangzhi-fa', 25]] }] },
  {
    category: '法律·条文',
    turns: ['市场主体登记管理条例第四十三条原文'],
    expect: [{ cites: [['shichang-zhuti-dengji-guanli-tiaoli', 43]] }],
  },
  { category: '法律·条文', turns: ['无证无照经营查处办法第十三条'], expect: [{ cites: [['wuzheng-wuzhao-jingying-chachu-banfa', 13]] }] },
  { category: '法律·条文', turns: ['优化营商环境条例第54条规定了什么'], expect: [{ cites: [['youhua-yingshang-huanjing-tiaoli', 54]] }] },
  { category: '法律·条文', turns: ['消防法第六十条'], expect: [{ cites: [['xiaofang-fa', 60]] }] },
  { category: '法律·条文', turns: ['广告法第九条是哪些情形'], expect: [{ cites: [['guanggao-fa', 9]] }] },
  {
    category: '法律·条文',
    turns: ['浙江省综合行政执法条例第十三条'],
    expect: [{ cites: [['zhejiang-zonghe-xingzheng-zhifa-tiaoli', 13]] }],
  },
  { category: '法律·条文', turns: ['垃圾条例第四十五条'], expect: [{ cites: [['zhejiang-shenghuo-laji-guanli-tiaoli', 45]] }] },
  { category: '法律·条文', turns: ['行政处罚法第四十二条', '第四十三条呢'], expect: [{ cites: [['xingzheng-chufa-fa', 43]] }] },
  {
    category: '法律·条文',
    turns: ['行政处罚法第六十条是什么？第六十一条呢？'],
    expect: [{ cites: [['xingzheng-chufa-fa', 60]] }, { cites: [['xingzheng-chufa-fa', 61]] }],
  },
  // ── law: not held ────────────────────────────────────────────────────────────────────────────
  { category: '法律·未收录', turns: ['行政处罚法第九十九条是什么'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['刑法第二十条怎么规定的'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['环境保护法第十条'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['治安管理处罚法第二十三条说了什么'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['《安全生产法》第五十条'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['食品安全法第二百条'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['浙江省行政处罚裁量权基准规定第十条'], expect: [{ notHeld: true }] },
  { category: '法律·未收录', turns: ['民法典第一千零八十条讲什么'], expect: [{ notHeld: true }] },
  // ── law: items of a line ─────────────────────────────────────────────────────────────────────
  { category: '法律·执法事项', turns: ['市场监管条线管哪些执法事项'], expect: [{ lineItems: 'MKT' }] },
  { category: '法律·执法事项', turns: ['综合执法负责哪些事项？'], expect: [{ lineItems: 'CLE' }] },
  { category: '法律·执法事项', turns: ['消防救援有哪些执法事项'], expect: [{ lineItems: 'FIR' }] },
  { category: '法律·执法事项', turns: ['西湖区市场监管局管哪些事'], expect: [{ lineItems: 'MKT' }] },
  { category: '法律·执法事项', turns: ['住建部门执法事项清单'], expect: [{ lineItems: 'HSG' }] },
  // ── law: procedure ───────────────────────────────────────────────────────────────────────────
  { category: '法律·程序', turns: ['执法检查至少要几个人'], expect: [{ cites: [['xingzheng-chufa-fa', 42]] }] },
  { category: '法律·程序', turns: ['一个人去检查可以吗'], expect: [{ cites: [['xingzheng-chufa-fa', 42]] }] },
  { category: '法律·程序', turns: ['处罚案件立案后多久要作出决定'], expect: [{ cites: [['xingzheng-chufa-fa', 60]] }] },
  { category: '法律·程序', turns: ['处罚决定书几天内要送达'], expect: [{ cites: [['xingzheng-chufa-fa', 61]] }] },
  { category: '法律·程序', turns: ['罚款多久之内要缴纳'], expect: [{ cites: [['xingzheng-chufa-fa', 67]] }] },
  { category: '法律·程序', turns: ['什么情况要告知听证'], expect: [{ cites: [['xingzheng-chufa-fa', 63]] }] },
  { category: '法律·程序', turns: ['当场处罚的金额上限是多少'], expect: [{ cites: [['xingzheng-chufa-fa', 51]] }] },
  { category: '法律·程序', turns: ['违法行为过了几年就不再处罚了'], expect: [{ cites: [['xingzheng-chufa-fa', 36]] }] },
  { category: '法律·程序', turns: ['查封扣押最长多少天'], expect: [{ cites: [['xingzheng-qiangzhi-fa', 25]] }] },
  { category: '法律·程序', turns: ['行政许可的办理时限是多久'], expect: [{ cites: [['xingzheng-xuke-fa', 42]] }] },
  { category: '法律·程序', turns: ['首违不罚的法律规定是什么'], expect: [{ cites: [['xingzheng-chufa-fa', 33]] }] },
  { category: '法律·程序', turns: ['检查时要不要出示执法证件'], expect: [{ cites: [['xingzheng-chufa-fa', 55]] }] },
  // ── data: counts ─────────────────────────────────────────────────────────────────────────────
  { category: '数据·计数', turns: ['杭州市今年检查了多少次'], expect: [{ v: insp(HZ, Y25) }] },
  { category: '数据·计数', turns: ['萧山区2025年上半年的检查次数'], expect: [{ v: insp(XS, H1_25) }] },
  { category: '数据·计数', turns: ['余杭去年一共查了几次'], expect: [{ v: insp(YH, Y24) }] },
  { category: '数据·计数', turns: ['西湖区一季度立案多少件'], expect: [{ v: cases(XH, Q1_25) }] },
  { category: '数据·计数', turns: ['滨江今年有多少处罚案件'], expect: [{ v: cases(BJ, Y25) }] },
  { category: '数据·计数', turns: ['上城区上个月的行政许可数量'], expect: [{ v: lic(SC, NOV_25) }] },
  { category: '数据·计数', turns: ['拱墅区近30天12345工单有几件'], expect: [{ v: tickets(GS, L30) }] },
  { category: '数据·计数', turns: ['临安今年上门服务走访了多少次'], expect: [{ v: visits(LA, Y25) }] },
  { category: '数据·计数', turns: ['桐庐县去年下半年送达了多少件文书'], expect: [{ v: delivs(TL, H2_24) }] },
  { category: '数据·计数', turns: ['淳安县有多少家经营主体'], expect: [{ v: entities(CA) }] },
  { category: '数据·计数', turns: ['杭州一共有多少条问题线索'], expect: [{ v: clues(HZ) }] },
  { category: '数据·计数', turns: ['建德市现在还有多少条待研判的线索'], expect: [{ v: clues(JD, " AND t.status = 'new'") }] },
  { category: '数据·计数', turns: ['全市今年双随机检查多少次'], expect: [{ v: insp(HZ, Y25, " AND t.kind = 'random'") }] },
  { category: '数据·计数', turns: ['今年杭州联合检查有几次'], expect: [{ v: insp(HZ, Y25, " AND t.kind = 'joint'") }] },
  { category: '数据·计数', turns: ['今年不予处罚的案件有多少件'], expect: [{ v: cases(HZ, Y25, " AND t.decision = 'no_penalty'") }] },
  { category: '数据·计数', turns: ['去年杭州市市场监管条线检查了多少次'], expect: [{ v: insp(HZ, Y24, line('MKT')) }] },
  { category: '数据·计数', turns: ['今年城管一共办了多少案子'], expect: [{ v: cases(HZ, Y25, line('CLE')) }] },
  { category: '数据·计数', turns: ['临平区消防今年检查几次'], expect: [{ v: insp(LP, Y25, line('FIR')) }] },
  { category: '数据·计数', turns: ['钱塘区市场监管局今年检查多少次'], expect: [{ v: insp(QT, Y25, agencyOf('AG-330114-MKT')) }] },
  { category: '数据·计数', turns: ['富阳区综合行政执法局去年立案多少'], expect: [{ v: cases(FY, Y24, agencyOf('AG-330111-CLE')) }] },
  { category: '数据·计数', turns: ['今年无照经营的案件有多少起'], expect: [{ v: cases(HZ, Y25, " AND t.item_code = 'MKT-P001'") }] },
  { category: '数据·计数', turns: ['今年有多少件不予许可的'], expect: [{ v: lic(HZ, Y25, " AND t.result = 'refused'") }] },
  { category: '数据·计数', turns: ['萧山区今年电子送达多少件'], expect: [{ v: delivs(XS, Y25, " AND t.method = 'electronic'") }] },
  { category: '数据·计数', turns: ['今年亮码检查多少次'], expect: [{ v: insp(HZ, Y25, ' AND t.via_code') }] },
  { category: '数据·计数', turns: ['2025年3月份西湖区检查了多少回'], expect: [{ v: insp(XH, MAR_25) }] },
  { category: '数据·计数', turns: ['近三个月余杭区立了多少案'], expect: [{ v: cases(YH, L3M) }] },
  { category: '数据·计数', turns: ['最近90天杭州工单数'], expect: [{ v: tickets(HZ, L90D) }] },
  // ── data: money and averages ─────────────────────────────────────────────────────────────────
  { category: '数据·金额', turns: ['杭州市今年罚款总额是多少'], expect: [{ v: fines(HZ, Y25) }] },
  { category: '数据·金额', turns: ['萧山今年上半年罚了多少钱'], expect: [{ v: fines(XS, H1_25) }] },
  { category: '数据·金额', turns: ['西湖区去年的罚没款金额'], expect: [{ v: fines(XH, Y24) }] },
  { category: '数据·金额', turns: ['今年平均每件罚款多少'], expect: [{ v: avgFine(HZ, Y25) }] },
  { category: '数据·金额', turns: ['滨江区平均罚款金额'], expect: [{ v: avgFine(BJ, ALL) }] },
  { category: '数据·金额', turns: ['今年三季度罚款金额'], expect: [{ v: fines(HZ, Q3_25) }] },
  { category: '数据·金额', turns: ['市场监管今年罚款合计多少'], expect: [{ v: fines(HZ, Y25, line('MKT')) }] },
  { category: '数据·金额', turns: ['今年缴纳了多少罚没款'], expect: [{ v: paid(HZ, Y25) }] },
  { category: '数据·金额', turns: ['今年回访满意度怎么样'], expect: [{ v: satis(HZ, Y25) }] },
  { category: '数据·金额', turns: ['富阳区的平均满意度'], expect: [{ v: satis(FY, ALL) }] },
  // ── data: rankings ───────────────────────────────────────────────────────────────────────────
  { category: '数据·排名', turns: ['今年检查次数最多的5个事项'], expect: [{ top: topInspectionItems(HZ, Y25, 5) }] },
  { category: '数据·排名', turns: ['萧山区检查最多的前三个检查事项是哪些'], expect: [{ top: topInspectionItems(XS, ALL, 3) }] },
  { category: '数据·排名', turns: ['去年处罚案件最多的十个事项'], expect: [{ top: topCaseItems(HZ, Y24, 10) }] },
  {
    category: '数据·排名',
    turns: ['今年罚款金额最多的5个违法行为'],
    expect: [{ top: topCaseItems(HZ, Y25, 5, 'sum(t.fine_amount)', " AND t.decision = 'fine'") }],
  },
  {
    category: '数据·排名',
    turns: ['今年各区县检查次数排名'],
    expect: [{ top: byCounty('inspections', 'inspected_on', 'count(*)', HZ, Y25) }],
  },
  {
    category: '数据·排名',
    turns: ['哪个区今年案件最多？前五'],
    expect: [
      { top: byCounty('cases', 'filed_on', 'count(*)', HZ, Y25, '', 10) },
      { top: byCounty('cases', 'filed_on', 'count(*)', HZ, Y25, '', 5) },
    ],
  },
  {
    category: '数据·排名',
    turns: ['今年工单最少的三个区县'],
    expect: [{ top: byCounty('hotline_tickets', 'received_at', 'count(*)', HZ, Y25, '', 3, 'ASC') }],
  },
  {
    category: '数据·排名',
    turns: ['今年检查最多的10个执法主体'],
    expect: [{ top: topAgencies('inspections', 'inspected_on', HZ, Y25, 10) }],
  },
  { category: '数据·排名', turns: ['被检查最多的企业前5名'], expect: [{ top: topEntities(HZ, ALL, 5) }] },
  {
    category: '数据·排名',
    turns: ['今年哪个条线检查最多'],
    expect: [{ top: `${byLine('inspections', 'inspected_on', 'count(*)', HZ, Y25)} LIMIT 10` }],
  },
  {
    category: '数据·排名',
    turns: ['去年罚款金额排名前3的区县'],
    expect: [{ top: byCounty('cases', 'decided_on', 'sum(t.fine_amount)', HZ, Y24, " AND t.decision = 'fine'", 3) }],
  },
  { category: '数据·排名', turns: ['top10检查事项'], expect: [{ top: topInspectionItems(HZ, ALL, 10) }] },
  { category: '数据·排名', turns: ['富阳区检查次数前二十的事项'], expect: [{ top: topInspectionItems(FY, ALL, 20) }] },
  // ── data: grouped, trends ────────────────────────────────────────────────────────────────────
  {
    category: '数据·分组趋势',
    turns: ['今年各条线的检查次数'],
    expect: [{ rows: byLine('inspections', 'inspected_on', 'count(*)', HZ, Y25) }],
  },
  {
    category: '数据·分组趋势',
    turns: ['2025年按月的检查次数'],
    expect: [{ rows: byMonth('inspections', 'inspected_on', 'count(*)', HZ, Y25) }],
  },
  { category: '数据·分组趋势', turns: ['去年案件按月的变化趋势'], expect: [{ rows: byMonth('cases', 'filed_on', 'count(*)', HZ, Y24) }] },
  {
    category: '数据·分组趋势',
    turns: ['萧山区今年每个月罚款多少'],
    expect: [{ rows: byMonth('cases', 'decided_on', 'sum(t.fine_amount)', XS, Y25, " AND t.decision = 'fine'") }],
  },
  { category: '数据·分组趋势', turns: ['今年工单都是哪类问题'], expect: [{ rows: ticketCategories(HZ, Y25) }] },
  {
    category: '数据·分组趋势',
    turns: ['今年上半年各区县的处罚案件'],
    expect: [{ rows: byCounty('cases', 'filed_on', 'count(*)', HZ, H1_25) }],
  },
  {
    category: '数据·分组趋势',
    asker: 'province',
    turns: ['今年各地市检查次数'],
    expect: [{ rows: byCity('inspections', 'inspected_on', 'count(*)', Y25) }],
  },
  {
    category: '数据·分组趋势',
    asker: 'province',
    turns: ['全省去年各市的罚款金额'],
    expect: [{ rows: byCity('cases', 'decided_on', 'sum(t.fine_amount)', Y24, " AND t.decision = 'fine'") }],
  },
  {
    category: '数据·分组趋势',
    turns: ['市场监管今年检查走势'],
    expect: [{ rows: byMonth('inspections', 'inspected_on', 'count(*)', HZ, Y25, line('MKT')) }],
  },
  // ── data: comparisons ────────────────────────────────────────────────────────────────────────
  { category: '数据·同比环比', turns: ['今年下半年检查次数同比'], expect: [{ compare: [insp(HZ, H2_25), insp(HZ, H2_24)] }] },
  { category: '数据·同比环比', turns: ['萧山区今年四季度案件数同比变化'], expect: [{ compare: [cases(XS, Q4_25), cases(XS, Q4_24)] }] },
  { category: '数据·同比环比', turns: ['上个月检查次数环比'], expect: [{ compare: [insp(HZ, NOV_25), insp(HZ, OCT_25)] }] },
  { category: '数据·同比环比', turns: ['三季度罚款金额环比怎么样'], expect: [{ compare: [fines(HZ, Q3_25), fines(HZ, Q2_25)] }] },
  { category: '数据·同比环比', turns: ['西湖区今年下半年工单同比'], expect: [{ compare: [tickets(XH, H2_25), tickets(XH, H2_24)] }] },
  {
    category: '数据·同比环比',
    turns: ['今年上半年和去年同期比，案件多了还是少了'],
    expect: [{ compare: [cases(HZ, H1_25), cases(HZ, H1_24)] }],
  },
  // ── data: shares ─────────────────────────────────────────────────────────────────────────────
  {
    category: '数据·占比',
    turns: ['今年双随机检查占比多少'],
    expect: [{ share: [insp(HZ, Y25, " AND t.kind = 'random'"), insp(HZ, Y25)] }],
  },
  { category: '数据·占比', turns: ['市场监管的检查占全市比例'], expect: [{ share: [insp(HZ, ALL, line('MKT')), insp(HZ, ALL)] }] },
  { category: '数据·占比', turns: ['今年亮码检查率是多少'], expect: [{ share: [insp(HZ, Y25, ' AND t.via_code'), insp(HZ, Y25)] }] },
  {
    category: '数据·占比',
    turns: ['去年不予处罚案件的比例'],
    expect: [{ share: [cases(HZ, Y24, " AND t.decision = 'no_penalty'"), cases(HZ, Y24)] }],
  },
  {
    category: '数据·占比',
    turns: ['萧山区电子送达占比'],
    expect: [{ share: [delivs(XS, ALL, " AND t.method = 'electronic'"), delivs(XS, ALL)] }],
  },
  // ── data: mistyped places and Chinese numerals ───────────────────────────────────────────────
  { category: '数据·错字与数字', turns: ['杭洲今年检查了多少次'], expect: [{ v: insp(HZ, Y25) }] },
  { category: '数据·错字与数字', turns: ['肖山区今年罚款多少'], expect: [{ v: fines(XS, Y25) }] },
  { category: '数据·错字与数字', turns: ['余航区去年立案数'], expect: [{ v: cases(YH, Y24) }] },
  { category: '数据·错字与数字', turns: ['西胡区今年工单多少件'], expect: [{ v: tickets(XH, Y25) }] },
  { category: '数据·错字与数字', turns: ['富杨区今年检查多少次'], expect: [{ v: insp(FY, Y25) }] },
  { category: '数据·错字与数字', turns: ['滨江区检查最多的十个事项'], expect: [{ top: topInspectionItems(BJ, ALL, 10) }] },
  { category: '数据·错字与数字', turns: ['二〇二五年一季度上城区检查多少次'], expect: [{ v: insp(SC, Q1_25) }] },
  { category: '数据·错字与数字', turns: ['近三十天杭州市的工单'], expect: [{ v: tickets(HZ, L30) }] },
  { category: '数据·错字与数字', turns: ['案件最多的前五个事项'], expect: [{ top: topCaseItems(HZ, ALL, 5) }] },
  { category: '数据·错字与数字', turns: ['桐芦县今年案件多少'], expect: [{ v: cases(TL, Y25) }] },
  { category: '数据·错字与数字', turns: ['临按区去年检查几次'], expect: [{ v: insp(LA, Y24) }] },
  { category: '数据·错字与数字', asker: 'province', turns: ['宁坡市今年检查了多少次'], expect: [{ v: insp('330200', Y25) }] },
  { category: '数据·错字与数字', asker: 'province', turns: ['温洲去年罚款总额'], expect: [{ v: fines('330300', Y24) }] },
  { category: '数据·错字与数字', asker: 'province', turns: ['慈溪今年处罚案件几件'], expect: [{ v: cases('330282', Y25) }] },
  { category: '数据·错字与数字', asker: 'province', turns: ['苍南县去年工单数'], expect: [{ v: tickets('330327', Y24) }] },
  // ── several questions in one message ─────────────────────────────────────────────────────────
  {
    category: '一问多答',
    turns: ['萧山今年检查多少次，案件多少件？'],
    expect: [{ v: insp(XS, Y25) }, { v: cases(XS, Y25) }],
  },
  {
    category: '一问多答',
    turns: ['乱倒垃圾违反什么规定？怎么罚？能免罚吗？'],
    expect: [
      { cites: [['zhejiang-chengshi-shirong-huanjing-weisheng-guanli-tiaoli', 32]] },
      { fine: 'CLE-P014' },
      { exempt: 'CLE-P014', listed: true },
    ],
  },
  {
    category: '一问多答',
    turns: ['行政处罚法第三十三条是什么；今年不予处罚的案件有多少'],
    expect: [{ cites: [['xingzheng-chufa-fa', 33]] }, { v: cases(HZ, Y25, " AND t.decision = 'no_penalty'") }],
  },
  {
    category: '一问多答',
    turns: ['占道经营怎么罚？另外今年西湖区罚款多少？'],
    expect: [{ fine: 'CLE-P003' }, { v: fines(XH, Y25) }],
  },
  {
    category: '一问多答',
    turns: ['执法检查要几个人?今年单人检查有多少次?'],
    expect: [{ cites: [['xingzheng-chufa-fa', 42]] }, { v: insp(HZ, Y25, ' AND t.assist_officer_id IS NULL') }],
  },
  {
    category: '一问多答',
    turns: ['重复检查模型查什么？依据哪一条？今年各区县检查次数前3'],
    expect: [
      { model: 'INS_REPEAT' },
      { model: 'INS_REPEAT' },
      { top: byCounty('inspections', 'inspected_on', 'count(*)', HZ, Y25, '', 3) },
    ],
  },
  {
    category: '一问多答',
    turns: ['卖过期食品违法吗？罚多少？今年这类案件有几件？'],
    expect: [{ cites: [['shipin-anquan-fa', 34]] }, { fine: 'MKT-P011' }, { v: cases(HZ, Y25, " AND t.item_code = 'MKT-P011'") }],
  },
  // ── follow-ups ───────────────────────────────────────────────────────────────────────────────
  { category: '追问', turns: ['萧山区今年检查多少次', '那余杭呢'], expect: [{ v: insp(YH, Y25) }] },
  { category: '追问', turns: ['萧山区今年检查多少次', '去年呢'], expect: [{ v: insp(XS, Y24) }] },
  { category: '追问', turns: ['今年案件多少件', '按月看'], expect: [{ rows: byMonth('cases', 'filed_on', 'count(*)', HZ, Y25) }] },
  { category: '追问', turns: ['今年检查多少次', '只看市场监管'], expect: [{ v: insp(HZ, Y25, line('MKT')) }] },
  { category: '追问', turns: ['今年罚款金额', '同比呢'], expect: [{ compare: [fines(HZ, Y25), fines(HZ, Y24)] }] },
  { category: '追问', turns: ['今年检查次数最多的5个事项', '那滨江区呢'], expect: [{ top: topInspectionItems(BJ, Y25, 5) }] },
  {
    category: '追问',
    turns: ['今年各区县案件数', '只看综合执法'],
    expect: [{ rows: byCounty('cases', 'filed_on', 'count(*)', HZ, Y25, line('CLE')) }],
  },
  { category: '追问', turns: ['西湖区今年检查多少次', '案件呢'], expect: [{ v: cases(XH, Y25) }] },
  { category: '追问', turns: ['无照经营违反什么规定', '会受到哪些处罚'], expect: [{ fine: 'MKT-P001' }] },
  { category: '追问', turns: ['无照经营怎么罚', '那占道经营呢'], expect: [{ fine: 'CLE-P003' }] },
  { category: '追问', turns: ['乱倒垃圾怎么罚', '能免罚吗'], expect: [{ exempt: 'CLE-P014', listed: true }] },
  {
    category: '追问',
    turns: ['萧山今年罚款多少', '那富阳呢', '按月看'],
    expect: [{ rows: byMonth('cases', 'decided_on', 'sum(t.fine_amount)', FY, Y25, " AND t.decision = 'fine'") }],
  },
  { category: '追问', turns: ['今年工单多少', '上半年呢'], expect: [{ v: tickets(HZ, H1_25) }] },
  {
    category: '追问',
    turns: ['今年检查多少次', '那各区县呢'],
    expect: [{ rows: byCounty('inspections', 'inspected_on', 'count(*)', HZ, Y25) }],
  },
  { category: '追问', turns: ['重复检查模型是做什么的', '参数是多少'], expect: [{ model: 'INS_REPEAT' }] },
  // ── platform ─────────────────────────────────────────────────────────────────────────────────
  { category: '平台', turns: ['重复检查模型查什么，依据哪一条'], expect: [{ model: 'INS_REPEAT' }] },
  { category: '平台', turns: ['有哪些监督模型'], expect: [{ models: true }] },
  { category: '平台', turns: ['监督模型一共多少个'], expect: [{ models: true }] },
  { category: '平台', turns: ['假服务真检查模型怎么判断的'], expect: [{ model: 'INS_FAKE_SERVICE' }] },
  { category: '平台', turns: ['过罚不当模型是依据什么'], expect: [{ model: 'PEN_OUT_OF_TIER' }] },
  { category: '平台', turns: ['企业年度受检次数偏多模型'], expect: [{ model: 'INS_BURDEN' }] },
  { category: '平台', turns: ['本地的轻微违法不予处罚清单有哪些'], expect: [{ exemptionList: true }] },
  { category: '平台', turns: ['免罚清单里都有什么'], expect: [{ exemptionList: true }] },
  { category: '平台', asker: 'county', turns: ['首违不罚清单有多少项'], expect: [{ exemptionList: true }] },
  { category: '平台', turns: ['重复检查模型发现了多少条线索'], expect: [{ v: clues(HZ, " AND t.model_code = 'INS_REPEAT'") }] },
  {
    category: '平台',
    turns: ['各状态的线索有多少'],
    expect: [
      {
        rows: `SELECT CASE t.status WHEN 'new' THEN '待研判' WHEN 'triaged' THEN '已研判' WHEN 'assigned' THEN '已交办' WHEN 'rectifying' THEN '整改中'
          WHEN 'submitted' THEN '待审核' WHEN 'returned' THEN '退回整改' WHEN 'closed' THEN '已销号' WHEN 'dismissed' THEN '已排除' ELSE '已移送纪检监察' END AS label,
          count(*) AS v FROM clues t WHERE ${reg(HZ)} GROUP BY t.status ORDER BY v DESC`,
      },
    ],
  },
  // ── jurisdiction ─────────────────────────────────────────────────────────────────────────────
  { category: '辖区', asker: 'county', turns: ['西湖区今年检查多少次'], expect: [{ refused: true }] },
  { category: '辖区', asker: 'county', turns: ['萧山罚了多少钱'], expect: [{ refused: true }] },
  { category: '辖区', asker: 'county', turns: ['富阳今年检查多少次', '那萧山呢'], expect: [{ refused: true }] },
  { category: '辖区', asker: 'county', turns: ['杭州市今年检查多少次'], expect: [{ v: insp(FY, Y25) }] },
  {
    category: '辖区',
    asker: 'county',
    turns: ['今年各乡镇检查次数'],
    expect: [
      {
        rows: `SELECT rg.name AS label, count(*) AS v FROM inspections t JOIN regions rg ON rg.code = t.region_code WHERE ${reg(FY)} AND ${between('t.inspected_on', Y25)} GROUP BY rg.name, rg.code ORDER BY v DESC`,
      },
    ],
  },
  { category: '辖区', turns: ['宁波今年检查多少次'], expect: [{ refused: true }] },
  { category: '辖区', turns: ['温州市去年罚款金额'], expect: [{ refused: true }] },
  { category: '辖区', asker: 'agency', turns: ['今年检查了多少次'], expect: [{ v: insp(FY, Y25, agencyOf('AG-330111-CLE')) }] },
  { category: '辖区', asker: 'agency', turns: ['今年立案多少件'], expect: [{ v: cases(FY, Y25, agencyOf('AG-330111-CLE')) }] },
  { category: '辖区', asker: 'agency', turns: ['回访满意度多少'], expect: [{ refused: true }] },
  { category: '辖区', asker: 'agency', turns: ['西湖区今年检查多少次'], expect: [{ refused: true }] },
  // ── discretion navigator: a case described with its facts ─────────────────────────────────────
  {
    category: '裁量导航',
    turns: ['富阳区一家酒坊初次在村里乱倒垃圾，已当场清理，未造成危害后果，裁量导航建议怎么处理？'],
    expect: [{ navigator: { item: 'CLE-P022', region: '330111', tier: 'exempt' } }],
  },
  {
    category: '裁量导航',
    asker: 'county',
    turns: ['有人往垃圾集置点外倒垃圾，首次被发现，已经清理了，没有造成危害后果，该怎么处理'],
    expect: [{ navigator: { item: 'CLE-P022', region: '330111', tier: 'exempt' } }],
  },
  {
    category: '裁量导航',
    turns: ['西湖区一家餐馆营业执照没挂，第二次被查，拒不改正，拟罚款3000元合适吗？'],
    expect: [{ navigator: { item: 'MKT-P005', region: '330106', tier: 'general', review: true } }],
  },
  {
    category: '裁量导航',
    turns: ['萧山区一家店铺店外经营，再次被查，拒不整改，拟罚款500元合适吗'],
    expect: [{ navigator: { item: 'CLE-P004', region: '330109', tier: 'general', review: false } }],
  },
  {
    category: '裁量导航',
    turns: ['萧山区一家店铺店外经营，再次被查，拒不整改，拟罚款800元合适吗'],
    expect: [{ navigator: { item: 'CLE-P004', region: '330109', tier: 'general', review: true } }],
  },
  {
    category: '裁量导航',
    asker: 'county',
    turns: ['无照经营，初次被查，已经补办营业执照，危害后果轻微，应该怎么处罚？'],
    expect: [{ navigator: { item: 'MKT-P001', region: '330111', tier: 'mitigated' } }],
  },
  {
    category: '裁量导航',
    asker: 'county',
    turns: ['杭州市一家小店无照经营，初次被查，已补办营业执照，危害后果轻微，怎么处理'],
    expect: [{ navigator: { item: 'MKT-P001', region: '330111', tier: 'mitigated' } }],
  },
  {
    category: '裁量导航',
    asker: 'province',
    turns: ['温州一家超市卖过期食品，初次，已经下架，危害后果轻微，拟罚款6万元合适吗'],
    expect: [{ navigator: { item: 'MKT-P011', region: '330300', tier: 'mitigated', review: true } }],
  },
  {
    category: '裁量导航',
    turns: ['余杭区卖过期食品造成严重后果，不是初次，处罚建议是什么'],
    expect: [{ navigator: { item: 'MKT-P011', region: '330110', tier: 'severe' } }],
  },
  {
    category: '裁量导航',
    asker: 'county',
    turns: ['西湖区一家店初次乱倒垃圾，已清理，没有造成危害后果，裁量导航怎么说'],
    expect: [{ refused: true }],
  },
  // ── out of scope ─────────────────────────────────────────────────────────────────────────────
  { category: '超出范围', turns: ['今天天气怎么样'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['帮我写一份请假条'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['推荐几只股票'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['你是谁'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['中午吃什么好'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['明天杭州会下雨吗'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['给我讲个笑话'], expect: [{ unsupported: true }] },
  { category: '超出范围', turns: ['世界杯冠军是谁'], expect: [{ unsupported: true }] },
];
