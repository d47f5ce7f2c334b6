// The registry of procedure questions (时限、人数、送达、听证 …): each topic names the articles that
// govern it and a one-line summary in plain words. The answer quotes the articles verbatim; every
// number in a summary must appear in the articles it cites (test/assistant.test.ts checks this), so a
// summary can shorten the law but never add a figure to it.

export interface ProcedureTopic {
  key: string;
  /** What the question says when it asks about this topic. */
  pattern: RegExp;
  title: string;
  articles: { regulation_id: string; article: number }[];
  summary: string;
}

export const PROCEDURES: readonly ProcedureTopic[] = [
  {
    key: 'officers',
    pattern:
      /(几|多少|两)(个|名)?(人|执法人员)|执法人员.{0,6}(人数|不得少于|至少)|单人(执法|检查)|(一|1)个人.{0,4}(检查|执法|去)|出示(执法)?证件|亮证/,
    title: '执法人员人数与执法资格',
    articles: [
      { regulation_id: 'xingzheng-chufa-fa', article: 42 },
      { regulation_id: 'xingzheng-chufa-fa', article: 55 },
    ],
    summary: '行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人（法律另有规定的除外），调查或检查时应主动出示执法证件。',
  },
  {
    key: 'delivery',
    pattern: /送达.{0,8}(期限|时限|多久|几天|时间)|(几天|多久).{0,6}送达|决定书.{0,6}(交付|送达)/,
    title: '行政处罚决定书的送达',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 61 }],
    summary: '行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达。',
  },
  {
    key: 'case_deadline',
    pattern: /(处罚|案件|立案).{0,10}(多久|多长时间|几天|期限|时限).{0,6}(作出|决定|办结|结案)?|办案(期限|时限)|结案期限/,
    title: '行政处罚案件办理期限',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 60 }],
    summary: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定。',
  },
  {
    key: 'payment',
    pattern: /(缴纳|缴款|交罚款|缴罚款).{0,8}(期限|多久|几天|时间)|罚款.{0,6}(多久|几天).{0,4}(缴|交)/,
    title: '罚款的缴纳期限',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 67 }],
    summary:
      '作出罚款决定的行政机关应当与收缴罚款的机构分离；当事人应当自收到行政处罚决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳罚款。',
  },
  {
    key: 'hearing',
    pattern: /听证/,
    title: '听证',
    articles: [
      { regulation_id: 'xingzheng-chufa-fa', article: 63 },
      { regulation_id: 'xingzheng-chufa-fa', article: 64 },
    ],
    summary:
      '拟作出较大数额罚款、没收较大数额违法所得、降低资质等级、吊销许可证件、责令停产停业等处罚的，应当告知当事人有要求听证的权利；听证程序按第六十四条组织。',
  },
  {
    key: 'on_the_spot',
    pattern: /当场(处罚|作出|罚款)|简易程序/,
    title: '当场作出行政处罚（简易程序）',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 51 }],
    summary: '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出行政处罚决定。',
  },
  {
    key: 'limitation',
    pattern: /追(诉|责)时效|时效|几年.{0,6}(不再|不)处罚|过了.{0,4}年.{0,6}(还|能|可以)/,
    title: '行政处罚的追责时效',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 36 }],
    summary: '违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，期限延长至五年。',
  },
  {
    key: 'seizure',
    pattern: /查封.{0,6}扣押.{0,8}(期限|多久|几天|多少天|时间|最长)|(查封|扣押).{0,6}(期限|多久|几天|多少天|最长)/,
    title: '查封、扣押的期限',
    articles: [{ regulation_id: 'xingzheng-qiangzhi-fa', article: 25 }],
    summary: '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，但延长期限不得超过三十日。',
  },
  {
    key: 'licence_deadline',
    pattern: /许可.{0,10}(期限|时限|多久|几天|多长时间|办结)|审批.{0,6}(时限|期限|多久|几天)/,
    title: '行政许可的办理期限',
    articles: [{ regulation_id: 'xingzheng-xuke-fa', article: 42 }],
    summary:
      '除当场作出行政许可决定的外，行政机关应当自受理申请之日起二十日内作出决定；二十日内不能作出的，经本行政机关负责人批准可以延长十日。',
  },
  {
    key: 'exemption_rule',
    pattern: /首违不罚.{0,6}(规定|依据|条件)|不予(行政)?处罚.{0,6}(规定|条件|情形)|轻微违法.{0,6}(规定|条件)/,
    title: '不予行政处罚的法定情形',
    articles: [{ regulation_id: 'xingzheng-chufa-fa', article: 33 }],
    summary: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚。',
  },
];
