// The kinds of business in the demo world. Which inspection items and licences concern an entity is
// read from the catalog by keywords of the item names (a 餐饮 entity meets the items that speak of
// 餐饮, 食品经营者, 人员密集…), so a catalog edit changes the demo without a code change. An
// inspection item whose name matches no industry's keywords (营业执照, 劳动合同, 消防安全责任制…)
// concerns every entity.

export interface Industry {
  code: string;
  name: string;
  /** Share of entities. */
  weight: number;
  /** Share of 个体工商户 (USCC prefix 92) among them; the rest are companies (91) or, for agriculture, cooperatives (93). */
  soleShare: number;
  /** Inspections per entity relative to the average (risk-based supervision: restaurants are visited more than software firms). */
  intensity: number;
  /** Business-scope words of company names: 杭州鑫达{餐饮管理}有限公司. */
  companyWords: readonly string[];
  /** Shop words of 个体工商户 names: 西湖区陈记{面馆}. */
  shopWords: readonly string[];
  /** Words of inspection-item and licence names that concern this industry. */
  keywords: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    code: 'catering',
    name: '餐饮',
    weight: 16,
    soleShare: 0.72,
    intensity: 1.7,
    companyWords: ['餐饮管理', '餐饮', '食品', '饮品'],
    shopWords: ['面馆', '小吃店', '饭店', '烧烤店', '快餐店', '奶茶店', '包子铺', '餐馆'],
    keywords: [
      '食品经营者',
      '餐饮',
      '餐具',
      '从业人员健康',
      '食品安全管理制度',
      '食品安全自查',
      '人员密集',
      '店外经营',
      '招牌',
      '单位生活垃圾',
      '环境卫生责任区',
      '食品生产经营许可',
      '公众聚集',
    ],
  },
  {
    code: 'retail',
    name: '批发零售',
    weight: 22,
    soleShare: 0.75,
    intensity: 1.0,
    companyWords: ['商贸', '贸易', '超市', '百货', '电子商务'],
    shopWords: ['便利店', '副食店', '水果店', '超市', '五金店', '服装店', '日杂店', '烟酒店'],
    keywords: [
      '食品经营者',
      '进货查验',
      '预包装食品',
      '销售者产品质量',
      '塑料制品',
      '商场、超市',
      '店外经营',
      '招牌',
      '单位生活垃圾',
      '广告发布内容',
      '食品生产经营许可',
    ],
  },
  {
    code: 'food_mfg',
    name: '食品生产',
    weight: 2,
    soleShare: 0.2,
    intensity: 1.6,
    companyWords: ['食品', '食品科技', '农副产品加工'],
    shopWords: ['食品加工坊', '糕点坊', '豆制品加工店'],
    keywords: [
      '食品生产者',
      '食品贮存',
      '从业人员健康',
      '食品安全管理制度',
      '食品安全自查',
      '预包装食品',
      '生产者产品质量',
      '排污单位',
      '安全生产',
      '单位生活垃圾',
      '食品生产经营许可',
      '食品添加剂',
    ],
  },
  {
    code: 'manufacturing',
    name: '制造业',
    weight: 10,
    soleShare: 0.1,
    intensity: 1.3,
    companyWords: ['机械制造', '五金制品', '纺织', '电子科技', '塑业', '新材料', '化工', '服饰'],
    shopWords: ['加工厂', '五金加工店', '服装加工店'],
    keywords: [
      '生产者产品质量',
      '排污单位',
      '建设项目环境保护',
      '安全生产',
      '危险化学品',
      '易燃易爆',
      '单位生活垃圾',
      '建筑消防设施',
      '防火检查',
    ],
  },
  {
    code: 'construction',
    name: '建筑业',
    weight: 6,
    soleShare: 0.15,
    intensity: 1.4,
    companyWords: ['建筑工程', '建设', '装饰工程', '市政工程', '土石方工程'],
    shopWords: ['装修队', '装饰店'],
    keywords: ['建设工程', '消防施工', '消防设计', '施工现场', '建筑垃圾', '装修垃圾', '散装货物', '安全生产', '临时占用', '堆放物料'],
  },
  {
    code: 'logistics',
    name: '交通运输',
    weight: 5,
    soleShare: 0.3,
    intensity: 1.1,
    companyWords: ['物流', '供应链管理', '运输', '快递服务'],
    shopWords: ['货运部', '快递代办点', '搬家服务部'],
    keywords: ['道路货物运输', '道路旅客运输', '散装货物', '食品贮存、运输', '安全生产'],
  },
  {
    code: 'lodging',
    name: '住宿',
    weight: 3,
    soleShare: 0.45,
    intensity: 1.4,
    companyWords: ['酒店管理', '宾馆', '民宿管理'],
    shopWords: ['民宿', '旅馆', '客栈'],
    keywords: ['宾馆', '旅游景区', '人员密集', '公众聚集', '食品经营者', '单位生活垃圾', '疏散'],
  },
  {
    code: 'entertainment',
    name: '文化娱乐',
    weight: 2,
    soleShare: 0.3,
    intensity: 1.3,
    companyWords: ['文化娱乐', '文化传播', '娱乐'],
    shopWords: ['网吧', '棋牌室', 'KTV', '台球室'],
    keywords: ['人员密集', '公众聚集', '疏散', '消防产品', '广告发布内容'],
  },
  {
    code: 'auto_repair',
    name: '机动车维修',
    weight: 3,
    soleShare: 0.6,
    intensity: 1.2,
    companyWords: ['汽车服务', '汽车维修', '汽车销售'],
    shopWords: ['汽修店', '洗车行', '轮胎店'],
    keywords: ['机动车维修', '车辆清洗维修', '安全生产', '易燃易爆'],
  },
  {
    code: 'market',
    name: '市场开办',
    weight: 0.5,
    soleShare: 0,
    intensity: 1.5,
    companyWords: ['农贸市场管理', '市场管理', '商业管理'],
    shopWords: ['市场管理处'],
    keywords: ['集中交易市场', '农贸市场', '塑料制品', '公共场所环境卫生', '人员密集'],
  },
  {
    code: 'advertising',
    name: '广告传媒',
    weight: 3,
    soleShare: 0.1,
    intensity: 0.8,
    companyWords: ['广告', '文化传媒', '广告设计'],
    shopWords: ['广告店', '图文店'],
    keywords: ['广告', '户外广告'],
  },
  {
    code: 'tech',
    name: '信息技术',
    weight: 10,
    soleShare: 0.05,
    intensity: 0.35,
    companyWords: ['网络科技', '信息技术', '科技', '软件', '数据服务'],
    shopWords: ['电脑维修店', '手机维修店'],
    keywords: ['网络食品交易第三方平台', '互联网广告'],
  },
  {
    code: 'services',
    name: '居民服务',
    weight: 12,
    soleShare: 0.72,
    intensity: 0.7,
    companyWords: ['美容美发', '教育科技', '家政服务', '健身管理', '物业管理'],
    shopWords: ['理发店', '美容店', '洗衣店', '家政服务部', '培训部', '足浴店'],
    keywords: ['店外经营', '招牌', '人员密集', '环境卫生责任区'],
  },
  {
    code: 'sanitation',
    name: '环卫和再生资源',
    weight: 0.7,
    soleShare: 0.25,
    intensity: 1.5,
    companyWords: ['环境服务', '环保科技', '再生资源回收', '清洁服务'],
    shopWords: ['废品回收站', '保洁服务部'],
    keywords: ['生活垃圾收集', '生活垃圾处理', '再生资源回收', '废品收购', '环境卫生设施', '生活垃圾经营性清扫'],
  },
  {
    code: 'disinfection',
    name: '餐具集中消毒',
    weight: 0.2,
    soleShare: 0.1,
    intensity: 1.8,
    companyWords: ['餐具消毒', '消毒服务'],
    shopWords: ['餐具消毒服务部'],
    keywords: ['集中消毒'],
  },
  {
    code: 'tech_services',
    name: '技术服务',
    weight: 3,
    soleShare: 0.05,
    intensity: 0.6,
    companyWords: ['检测技术', '安全技术服务', '环境检测', '消防技术服务', '工程咨询', '质量检验'],
    shopWords: ['技术服务部'],
    keywords: ['消防技术服务机构'],
  },
  {
    code: 'institution',
    name: '学校托幼养老',
    weight: 1,
    soleShare: 0,
    intensity: 1.6,
    companyWords: ['养老服务', '教育咨询', '托育服务'],
    shopWords: ['托管中心'],
    keywords: ['学校、托幼机构、养老机构', '人员密集', '食品经营者'],
  },
  {
    code: 'bike_sharing',
    name: '互联网租赁自行车',
    weight: 0.03,
    soleShare: 0,
    intensity: 2,
    companyWords: ['出行科技', '共享单车运营'],
    shopWords: ['单车运维点'],
    keywords: ['互联网租赁自行车'],
  },
  {
    code: 'agriculture',
    name: '农业合作社',
    weight: 2,
    soleShare: 0,
    intensity: 0.6,
    companyWords: ['农业开发', '家庭农场', '茶业'],
    shopWords: ['家庭农场'],
    keywords: ['农村生活垃圾', '安全生产'],
  },
];

/** Industries whose entities offer the services agencies delegate (检测、评价、咨询): the providers of delegations. */
export const PROVIDER_INDUSTRY = 'tech_services';

/** The indices of the industries a name concerns; empty when it matches none (then it concerns all). */
export function industriesOf(name: string): number[] {
  const out: number[] = [];
  INDUSTRIES.forEach((ind, i) => {
    if (ind.keywords.some((k) => name.includes(k))) out.push(i);
  });
  return out;
}
