// The facts of a demo case as an officer writes them (违法事实): how it came to light, when and where,
// who did what, with what and how much, for how long, and what followed — in many phrasings per item,
// so that finding similar cases is a real retrieval problem and not the matching of one template.
//
// Families of genuinely similar cases are planted as ground truth for the similar-case search: a case
// may join its item's open family and then describes the family's scene — the same kind of place, the
// same goods, the same manner, a quantity of the same order, the same circumstance — in its own words
// (another synonym, another sentence order, its own entity, township and dates). Each member is listed
// in ground_truth as violation 'similar_case_family' with detail {family, item_code}; it is no
// violation, and the models are never scored against it. `npm run eval:navigator` measures recall@5
// and MRR against these families.
//
// The text draws from a stream of its own per case, so the rest of the data set is the same with or
// without it.
import type { TierName } from '../catalog/types.ts';
import { isoOf } from './calendar.ts';
import { Rng } from './prng.ts';
import type { Facts } from './rules.ts';

/** The ground-truth label of a planted family member. */
export const FAMILY_LABEL = 'similar_case_family';
/** Share of cases that join a family, and a family's size. */
const FAMILY_SHARE = 0.12;
const FAMILY_SIZE: [number, number] = [4, 7];

/**
 * What an item's scene is made of. Each entry of places, goods and manners is a group of synonyms
 * separated by '|' (the same thing, said differently); acts are templates over {place}, {goods},
 * {qty} and {manner}; qty is a unit and a range (a family keeps the order of magnitude).
 */
interface Scene {
  places: string[];
  goods: string[];
  acts: string[];
  qty: [unit: string, min: number, max: number];
  manners: string[];
  /** How the party put it right (when corrected). */
  fixes: string[];
}

const S = (places: string[], goods: string[], acts: string[], qty: Scene['qty'], manners: string[], fixes: string[]): Scene => ({
  places,
  goods,
  acts,
  qty,
  manners,
  fixes,
});

// ── scenes by item ────────────────────────────────────────────────────────────────────────────────
const DUMP_FIX = ['当场清理干净|立即清理了现场', '承担了清理费用|赔偿了清运费用', '签订了清理承诺书|书面承诺不再乱倒'];
const STREET_FIX = ['当场收回|立即撤回店内', '在责令期限内整改完毕|按要求限期整改到位', '拆除清理完毕|自行清除干净'];
const SHOP_FIX = ['在责令期限内整改完毕|按要求限期整改到位', '已补办相关手续|现已依法补办', '停止了违法行为|已停止相关经营'];
const FIRE_FIX = ['当场清除|立即清理', '在责令期限内整改完毕|已按要求整改', '已更换维修到位|已修复并恢复完好有效'];

const SCENES: Readonly<Record<string, Scene>> = {
  'CLE-P001': S(
    ['临街住宅阳台外|沿街阳台外侧', '临街窗户外|窗外防盗窗上', '沿街商铺屋顶|门面房屋顶'],
    ['晾晒的衣物被褥|被褥衣物', '废旧纸箱|纸板箱', '花盆杂物|盆栽和杂物'],
    ['在{place}吊挂{goods}约{qty}', '在{place}{manner}堆放{goods}约{qty}'],
    ['处', 2, 6],
    ['长期|多日来', '未采取固定措施|无任何防坠措施'],
    STREET_FIX,
  ),
  'CLE-P002': S(
    ['店铺门前人行道|门口人行道', '小区出入口旁公共场地|小区门口空地', '街道两侧绿化带边|路边绿化带旁'],
    ['黄沙水泥|砂石水泥', '装修建材|装修材料', '钢管脚手架|钢管'],
    ['在{place}{manner}堆放{goods}约{qty}', '擅自在{place}搭建简易棚并堆放{goods}约{qty}'],
    ['吨', 1, 8],
    ['未经批准|未经任何审批', '夜间|趁夜间'],
    STREET_FIX,
  ),
  'CLE-P003': S(
    ['地铁站出入口人行道|地铁口人行道', '人行天桥上|过街天桥', '学校门口人行道|校门口'],
    ['水果|时令水果', '烧烤小吃|烤串等小吃', '手机贴膜配件|手机配件'],
    ['在{place}设摊销售{goods}', '{manner}在{place}摆摊兜售{goods}'],
    ['个摊位', 1, 3],
    ['推三轮车|用流动三轮车', '傍晚下班高峰|晚高峰时段'],
    STREET_FIX,
  ),
  'CLE-P004': S(
    ['店门口人行道|门前人行道', '商铺门前广场|门口广场', '沿街店面外侧|店铺外'],
    ['桌椅|餐桌餐椅', '货架和商品|商品货架', '电动车展示车辆|待售电动车'],
    ['超出门窗在{place}摆放{goods}进行经营，占用面积约{qty}', '将{goods}摆放至{place}{manner}经营，占地约{qty}'],
    ['平方米', 3, 15],
    ['跨门|出店', '夜宵时段|晚间营业时'],
    STREET_FIX,
  ),
  'CLE-P005': S(
    ['洗车店门口|洗车点门前', '汽修厂门前道路|修理厂门口', '废品收购站周边|废品站门口'],
    ['洗车污水|冲洗污水', '废机油|含油废水', '废旧物品碎屑|废品碎屑'],
    ['{manner}作业，{goods}外流至{place}，影响面积约{qty}', '在{place}作业时未采取措施，致{goods}洒落流淌约{qty}'],
    ['平方米', 5, 40],
    ['未设置截水沟|未设截污设施', '露天|在室外'],
    DUMP_FIX,
  ),
  'CLE-P006': S(
    ['店铺门头|门头上方', '沿街外立面|建筑外墙', '楼顶|屋顶'],
    ['户外广告牌|广告招牌', '灯箱|发光灯箱', '喷绘布广告|喷绘广告'],
    ['在{place}设置的{goods}不符合城市容貌标准，面积约{qty}', '{place}{goods}{manner}，面积约{qty}，影响市容'],
    ['平方米', 4, 30],
    ['破损褪色|陈旧破损', '超出规定尺寸|尺寸超标'],
    STREET_FIX,
  ),
  'CLE-P007': S(
    ['主干道沿线楼顶|主干道旁楼顶', '高架桥旁|高架沿线', '商业综合体外墙|商场外墙'],
    ['大型户外广告牌|大型广告牌', '大型LED显示屏|LED大屏'],
    ['未经同意在{place}擅自设置{goods}，面积约{qty}', '{manner}在{place}设置{goods}约{qty}'],
    ['平方米', 30, 200],
    ['未办理设置许可|未经审批', '夜间施工|连夜施工'],
    STREET_FIX,
  ),
  'CLE-P008': S(
    ['店铺门头|门头', '沿街外墙|临街立面'],
    ['招牌灯光|霓虹灯', '广告字体|招牌文字', '灯箱画面|灯箱'],
    ['{place}{goods}显示不全约{qty}，{manner}', '{place}{goods}污浊破损约{qty}，未及时修复'],
    ['处', 1, 5],
    ['长期未修复|多日未修', '夜间显示残缺|夜间缺字'],
    STREET_FIX,
  ),
  'CLE-P009': S(
    ['小区电线杆|电杆', '公交站台|站台', '居民楼墙面|楼道墙面'],
    ['小广告|牛皮癣广告', '开锁办证广告|办证开锁小广告', '招租启事|出租信息'],
    ['在{place}{manner}张贴{goods}约{qty}', '{manner}在{place}涂写{goods}约{qty}'],
    ['张', 10, 80],
    ['成片|大面积', '夜间|趁夜'],
    STREET_FIX,
  ),
  'CLE-P010': S(
    ['地铁站出入口|地铁口', '商圈人行道|商业街人行道', '公交站周边|公交站旁'],
    ['共享单车|互联网租赁自行车', '故障破损单车|坏车'],
    ['{place}{goods}{manner}约{qty}，企业未及时清理', '企业投放的{goods}在{place}堆积约{qty}，{manner}'],
    ['辆', 30, 200],
    ['无序停放|乱停乱放', '长时间堆积|堆放多日'],
    STREET_FIX,
  ),
  'CLE-P011': S(
    ['城郊道路|城郊公路', '河道边空地|河边空地', '工地出入口道路|工地门口路面'],
    ['建筑渣土|渣土', '建筑垃圾|装修垃圾', '泥浆|工程泥浆'],
    ['运输车辆沿途{manner}遗撒{goods}约{qty}至{place}', '将{goods}约{qty}随意倾倒在{place}'],
    ['立方米', 5, 60],
    ['未密闭|未加盖篷布', '夜间偷倒|趁夜间'],
    DUMP_FIX,
  ),
  'CLE-P012': S(
    ['建设工程施工现场|工地现场', '住宅项目工地|楼盘工地'],
    ['临时厕所|工地厕所', '生活垃圾收集容器|垃圾桶', '剩余建筑材料|剩余材料和围挡'],
    ['{place}未按规定设置{goods}，涉及施工人员约{qty}', '竣工后{place}的{goods}未及时清除，{manner}'],
    ['人', 20, 150],
    ['持续多日|长时间', '经多次提醒|屡次提醒后'],
    SHOP_FIX,
  ),
  'CLE-P013': S(
    ['小区绿化带|绿化带', '道路行道树下|行道树旁', '窨井旁|检查井边'],
    ['修剪的树枝|修剪枝叶', '窨井淤泥|淤泥', '草皮废弃物|杂草'],
    ['在{place}修剪作业后，{goods}约{qty}未及时清运', '清理作业产生的{goods}约{qty}堆放于{place}，{manner}'],
    ['立方米', 1, 10],
    ['过夜未清|隔夜未清', '影响通行|阻碍行人'],
    DUMP_FIX,
  ),
  'CLE-P014': S(
    ['小区垃圾房外|垃圾房门口', '路边雨水井|雨水井', '街角绿化带|路边绿化带'],
    ['生活垃圾|袋装垃圾', '泔水污水|餐厨污水', '厨余垃圾|剩饭剩菜'],
    ['将{qty}{goods}{manner}倾倒在{place}', '{manner}往{place}倾倒{goods}约{qty}'],
    ['袋', 2, 10],
    ['随手|随意', '夜间|趁夜间无人'],
    DUMP_FIX,
  ),
  'CLE-P015': S(
    ['农贸市场|菜市场', '公园|街头公园', '商场|商业广场'],
    ['公共厕所|厕所', '垃圾分类投放设施|分类垃圾桶', '分类收集容器|分类收集点'],
    ['{place}经营管理单位未按规定设置{goods}，缺少约{qty}', '{place}未设置{goods}约{qty}，{manner}'],
    ['处', 1, 6],
    ['经提醒未整改|提醒后仍未设置', '长期|一直'],
    SHOP_FIX,
  ),
  'CLE-P016': S(
    ['小区垃圾收集房|垃圾房', '路边公共厕所|公厕', '街道垃圾中转点|中转站'],
    ['环境卫生设施|环卫设施', '垃圾收集容器|垃圾桶', '公厕设施|厕所设施'],
    ['擅自拆除{place}的{goods}约{qty}', '占用{place}并改作仓库，损坏{goods}约{qty}，{manner}'],
    ['处', 1, 5],
    ['未经批准|擅自', '用于堆放货物|改作他用'],
    SHOP_FIX,
  ),
  'CLE-P017': S(
    ['单位食堂|员工食堂', '写字楼|办公楼', '酒店后厨|宾馆后厨'],
    ['厨余垃圾与其他垃圾|厨余和其他垃圾', '可回收物与其他垃圾|可回收物和其他垃圾', '有害垃圾|废电池灯管'],
    ['{place}{manner}将{goods}混合投放，约{qty}', '{place}未分类投放{goods}约{qty}'],
    ['桶', 3, 20],
    ['多次|连续多日', '未安排专人分拣|无人分拣'],
    SHOP_FIX,
  ),
  'CLE-P018': S(
    ['住宅小区|小区', '商务楼宇|写字楼', '农贸市场|菜场'],
    ['分类投放点|投放点', '分类收集容器|分类桶'],
    ['{place}管理责任人未履行分类投放管理责任，{goods}混投约{qty}', '{place}{goods}{manner}，混投约{qty}'],
    ['处', 2, 10],
    ['无人值守|未安排督导', '长期混放|一直混放'],
    SHOP_FIX,
  ),
  'CLE-P019': S(
    ['城区道路|市区道路', '中转站附近|垃圾中转站旁'],
    ['垃圾运输车|垃圾清运车', '餐厨垃圾收运车|泔水车'],
    ['使用的{goods}{manner}，在{place}作业，涉及车辆约{qty}', '{goods}不符合要求，在{place}{manner}运输'],
    ['辆', 1, 6],
    ['未密闭|密闭装置损坏', '滴漏|沿途滴漏'],
    SHOP_FIX,
  ),
  'CLE-P020': S(
    ['小区收集点|收集点', '城区道路|沿线道路'],
    ['生活垃圾|垃圾', '分类垃圾|已分类垃圾'],
    ['未按规定频次清运{place}的{goods}，积存约{qty}', '将{goods}{manner}收集运输，涉及约{qty}'],
    ['吨', 2, 30],
    ['混装混运|混合收运', '超时未清运|延误清运'],
    SHOP_FIX,
  ),
  'CLE-P021': S(
    ['垃圾处理厂|处理场', '焚烧厂|垃圾焚烧站'],
    ['渗滤液|垃圾渗滤液', '生活垃圾|垃圾'],
    ['{place}未按操作规程处理{goods}约{qty}，{manner}', '{place}处理{goods}时{manner}，约{qty}'],
    ['吨', 10, 100],
    ['超标排放|未达标', '未按规范作业|违规操作'],
    SHOP_FIX,
  ),
  'CLE-P022': S(
    ['村生活垃圾集置点外围|村垃圾集置点旁', '村口河道边|村口溪边', '山村道路旁空地|村道边空地'],
    ['海鲜包装泡沫箱|装海鲜的泡沫箱', '酒糟等经营性垃圾|酿酒酒糟', '包装纸箱和塑料袋|纸箱塑料袋'],
    ['将{qty}{goods}{manner}倾倒在{place}', '{manner}在{place}倾倒{goods}约{qty}'],
    ['袋', 2, 12],
    ['用三轮车运来|用三轮车拉来', '因分类意识薄弱|分类意识不强'],
    DUMP_FIX,
  ),
  'CTR-P001': S(
    ['宾馆客房|酒店客房', '民宿房间|民宿'],
    ['一次性牙刷牙膏|一次性洗漱用品', '一次性拖鞋|一次性拖鞋梳子'],
    ['在{place}主动提供{goods}，涉及客房约{qty}', '{place}{manner}放置{goods}约{qty}'],
    ['间', 5, 60],
    ['未经客人要求|客人未要求', '摆放在显眼位置|放在台面'],
    SHOP_FIX,
  ),
  'HLT-P001': S(
    ['餐具集中消毒企业|消毒配送企业', '消毒车间|生产车间'],
    ['消毒餐具|集中消毒餐具', '消毒碗筷|餐饮具'],
    ['{place}出厂的{goods}未随附消毒合格证明，约{qty}', '{place}{manner}配送{goods}约{qty}'],
    ['箱', 20, 200],
    ['包装标注不全|标签内容不全', '未逐批检验|检验不规范'],
    SHOP_FIX,
  ),
  'MKT-P001': S(
    ['沿街店面|临街门面', '居民楼底层|小区底商', '农贸市场摊位|菜场摊位'],
    ['餐饮|小吃餐饮', '服装零售|服装', '日用百货|百货'],
    ['未取得营业执照在{place}从事{goods}经营，经营约{qty}', '{manner}在{place}从事{goods}经营活动约{qty}'],
    ['个月', 1, 8],
    ['未办理设立登记|未经登记', '以个人名义|挂靠他人名义'],
    SHOP_FIX,
  ),
  'MKT-P002': S(
    ['市场主体登记窗口|登记窗口', '网上登记系统|网上办事平台'],
    ['虚假住所证明|虚假租赁合同', '伪造的股东签名|冒签的签名'],
    ['在{place}提交{goods}取得登记，{manner}', '通过{place}使用{goods}办理登记，涉及{qty}'],
    ['份', 1, 4],
    ['隐瞒重要事实|故意隐瞒', '冒用他人身份|借用他人身份'],
    SHOP_FIX,
  ),
  'MKT-P003': S(
    ['原登记住所|原注册地址', '新经营场所|实际经营地'],
    ['住所|经营场所', '经营范围|经营项目'],
    ['{goods}已变更至{place}，超过{qty}未办理变更登记', '{manner}变更{goods}，至今约{qty}未办理变更登记'],
    ['个月', 1, 12],
    ['擅自|未经登记机关', '搬迁后|迁址后'],
    SHOP_FIX,
  ),
  'MKT-P004': S(
    ['登记机关|市场监管部门'],
    ['董事监事变更|董事、监事', '章程修改|公司章程', '联络员变更|联络员信息'],
    ['{goods}发生变化后超过{qty}未向{place}办理备案', '{manner}未办理{goods}备案约{qty}'],
    ['个月', 1, 10],
    ['逾期|超期', '经提醒后|经提示后'],
    SHOP_FIX,
  ),
  'MKT-P005': S(
    ['店内收银台|收银台', '经营场所|店堂'],
    ['营业执照正本|执照正本', '营业执照|执照'],
    ['未将{goods}置于{place}醒目位置，{manner}', '{place}未悬挂{goods}，约{qty}'],
    ['天', 3, 30],
    ['放在抽屉内|收在柜子里', '被货物遮挡|被遮挡'],
    SHOP_FIX,
  ),
  'MKT-P006': S(
    ['个体店铺|个体户门店', '公司经营场所|经营地'],
    ['营业执照|执照', '营业执照副本|执照副本'],
    ['将{goods}{manner}给他人在{place}使用，约{qty}', '{manner}{goods}供他人在{place}经营，约{qty}'],
    ['个月', 1, 12],
    ['出租|有偿出租', '出借|无偿出借'],
    SHOP_FIX,
  ),
  'MKT-P007': S(
    ['自有厂房|厂房', '仓库|自有仓库', '临街店面|门面房'],
    ['经营场所|场地', '仓储条件|仓储'],
    ['明知他人无照经营，仍将{place}作为{goods}提供，约{qty}', '为无照经营者提供{place}{goods}，{manner}约{qty}'],
    ['个月', 1, 10],
    ['收取租金|按月收租', '长期|持续'],
    SHOP_FIX,
  ),
  'MKT-P008': S(
    ['居民楼内|出租房内', '城中村作坊|小作坊', '农贸市场摊位|菜场摊位'],
    ['熟食卤味|卤味熟食', '糕点|自制糕点', '豆制品|豆腐豆干'],
    ['未取得食品经营许可在{place}{manner}生产销售{goods}，货值约{qty}', '在{place}从事{goods}生产经营，{manner}，货值约{qty}'],
    ['元', 800, 9000],
    ['无证|未办许可', '环境脏乱|卫生条件差'],
    SHOP_FIX,
  ),
  'MKT-P009': S(
    ['自有场地|场地', '市场摊位|摊位'],
    ['经营场所|生产场所', '冷库|仓储冷库'],
    ['明知对方未取得食品经营许可，仍提供{place}作为{goods}，{manner}约{qty}', '为无证食品经营者提供{goods}，{manner}约{qty}'],
    ['个月', 1, 6],
    ['收取租金|按月收费', '长期|持续'],
    SHOP_FIX,
  ),
  'MKT-P010': S(
    ['超市货架|卖场货架', '餐馆后厨|饭店后厨', '农贸市场摊位|摊位'],
    ['霉变大米|发霉大米', '变质肉制品|腐败变质肉品', '生虫面粉|生虫的面粉'],
    ['在{place}销售{goods}约{qty}，{manner}', '{place}存放{goods}约{qty}用于加工，{manner}'],
    ['公斤', 3, 60],
    ['感官性状异常|有明显异味', '未及时清理|未下架'],
    SHOP_FIX,
  ),
  'MKT-P011': S(
    ['超市货架|货架', '便利店冷柜|冷柜', '仓库|库房'],
    ['超过保质期的牛奶|过期牛奶', '过期饮料|超期饮料', '过期饼干|超过保质期的饼干'],
    ['在{place}陈列销售{goods}约{qty}', '{place}存放{goods}约{qty}，{manner}'],
    ['件', 3, 40],
    ['与正常商品混放|混放', '未及时下架|未下架'],
    SHOP_FIX,
  ),
  'MKT-P012': S(
    ['超市|卖场', '食品批发部|批发店', '网店仓库|电商仓库'],
    ['无标签预包装食品|无标签的预包装食品', '标签不符合规定的饮料|标签不合规的饮料', '进口食品|无中文标签进口食品'],
    ['在{place}销售{goods}约{qty}', '{place}{manner}销售{goods}约{qty}'],
    ['件', 5, 80],
    ['货值较小|少量', '来源不明|无法提供来源'],
    SHOP_FIX,
  ),
  'MKT-P013': S(
    ['超市|便利店', '食品生产企业|生产厂'],
    ['配料表字体偏小|字体不规范', '生产日期标注不清|日期模糊', '营养成分表格式不规范|营养标签瑕疵'],
    ['{place}销售的食品标签存在{goods}问题，涉及约{qty}', '{place}食品标签{goods}，{manner}，约{qty}'],
    ['件', 5, 50],
    ['不影响食品安全|不影响安全', '不会误导消费者|不致误导'],
    SHOP_FIX,
  ),
  'MKT-P014': S(
    ['餐馆|饭店', '超市|便利店', '学校食堂|食堂'],
    ['肉类|冻肉', '蔬菜|蔬菜瓜果', '调味品|调料'],
    ['{place}采购{goods}时未查验供货者许可证和合格证明，{manner}，涉及约{qty}', '{place}未建立{goods}进货查验记录，涉及约{qty}批次'],
    ['批次', 3, 30],
    ['无进货台账|台账缺失', '无法提供票据|票据不全'],
    SHOP_FIX,
  ),
  'MKT-P015': S(
    ['餐馆后厨|后厨', '奶茶店|饮品店', '食堂|单位食堂'],
    ['厨师|后厨人员', '店员|服务员'],
    ['{place}安排未取得健康证明的{goods}{qty}从事接触直接入口食品的工作', '{place}{goods}约{qty}健康证明过期仍上岗，{manner}'],
    ['名', 1, 5],
    ['未及时体检|逾期未体检', '新入职|刚入职'],
    SHOP_FIX,
  ),
  'MKT-P016': S(
    ['餐馆|饭店', '小吃店|快餐店', '食堂|学校食堂'],
    ['餐具|碗碟', '饮具|杯具', '直接入口食品容器|盛放熟食的容器'],
    ['{place}使用的{goods}未经洗净消毒，约{qty}', '{place}{goods}{manner}，约{qty}'],
    ['套', 10, 100],
    ['消毒柜未开启|消毒设备停用', '清洗消毒不合格|检测不合格'],
    SHOP_FIX,
  ),
  'MKT-P017': S(
    ['食品生产企业|食品厂', '连锁餐饮门店|餐饮门店', '食品经营企业|食品公司'],
    ['食品安全管理制度|管理制度', '食品安全管理人员|食品安全员'],
    ['{place}未按规定建立{goods}，涉及约{qty}', '{place}未配备、培训{goods}，{manner}，涉及员工约{qty}'],
    ['人', 5, 60],
    ['考核缺失|未经考核', '制度不全|制度缺项'],
    SHOP_FIX,
  ),
  'MKT-P018': S(
    ['冷库|冷藏库', '运输车辆|冷链车', '仓库|食品仓库'],
    ['冷冻肉品|冻品', '乳制品|奶制品', '速冻食品|速冻水饺'],
    ['{place}贮存{goods}约{qty}时{manner}', '{place}运输{goods}约{qty}，{manner}'],
    ['公斤', 50, 800],
    ['温度不达标|未保持冷藏温度', '与有毒有害物品混放|混放'],
    SHOP_FIX,
  ),
  'MKT-P019': S(
    ['农贸市场|菜市场', '展销会|食品展销会', '商场柜台|出租柜台'],
    ['未取得许可的食品经营者|无证摊主', '无证商户|无许可商户'],
    ['{place}开办者允许{goods}约{qty}进场销售食品', '{place}未审查入场{goods}许可证，涉及约{qty}'],
    ['户', 2, 15],
    ['未登记|未实名登记', '收取摊位费|照收摊位费'],
    SHOP_FIX,
  ),
  'MKT-P020': S(
    ['网络订餐平台|外卖平台', '电商平台|网购平台'],
    ['入网商家|入驻商家', '入网食品经营者|平台商户'],
    ['{place}未对{goods}约{qty}进行实名登记、审查许可证', '{place}{manner}，未审查{goods}许可证约{qty}'],
    ['家', 3, 50],
    ['审核流于形式|审核不严', '未及时下架|未下线'],
    SHOP_FIX,
  ),
  'MKT-P021': S(
    ['食品加工厂|加工厂', '餐馆后厨|后厨'],
    ['执法人员|检查人员', '监督检查|现场检查'],
    ['{place}负责人拒绝{goods}进入检查，持续约{qty}', '{place}{manner}阻挠{goods}，约{qty}'],
    ['小时', 1, 4],
    ['锁门拒检|关门拒绝', '言语威胁|态度恶劣'],
    SHOP_FIX,
  ),
  'MKT-P022': S(
    ['微信公众号|公众号', '门店海报|店内海报', '短视频平台|直播间'],
    ['保健品功效|保健功效', '产品销量|销量数据', '治疗效果|疗效'],
    ['在{place}发布虚假广告，夸大{goods}，广告费用约{qty}', '通过{place}{manner}宣传{goods}，广告费用约{qty}'],
    ['元', 2000, 50000],
    ['虚构用户评价|编造好评', '使用虚假数据|数据造假'],
    SHOP_FIX,
  ),
  'MKT-P023': S(
    ['店铺招牌|门头招牌', '电商详情页|商品详情页', '宣传单页|传单'],
    ['“国家级”用语|国家级字样', '“最佳”“第一”等用语|最高级用语'],
    ['在{place}发布的广告使用{goods}，涉及约{qty}', '{place}广告{manner}使用{goods}约{qty}'],
    ['处', 1, 6],
    ['醒目位置|显著位置', '长期|持续'],
    SHOP_FIX,
  ),
  'MKT-P024': S(
    ['宣传单|广告单', '店内广告牌|店招', '网店页面|商品页面'],
    ['价格|优惠价格', '赠品信息|赠品', '服务内容|服务项目'],
    ['{place}广告对{goods}的表示不准确、清楚，涉及约{qty}', '{place}{manner}表述{goods}，约{qty}'],
    ['处', 1, 5],
    ['表述含糊|模糊不清', '未标明条件|遗漏限制条件'],
    SHOP_FIX,
  ),
  'MKT-P025': S(
    ['公众号|微信公众号', '电梯广告|楼宇广告屏', '宣传手册|手册'],
    ['医疗广告|医疗服务广告', '保健食品广告|保健品广告', '医疗器械广告|器械广告'],
    ['未经审查在{place}发布{goods}，广告费用约{qty}', '{manner}通过{place}发布{goods}，广告费用约{qty}'],
    ['元', 5000, 80000],
    ['未取得审查批准文号|无批准文号', '内容与审查不符|擅自改动'],
    SHOP_FIX,
  ),
  'MKT-P026': S(
    ['广告公司|广告经营者', '传媒公司|广告发布者'],
    ['广告业务承接登记制度|承接登记', '广告内容审核制度|审核制度'],
    ['{place}未建立健全{goods}，涉及广告约{qty}', '{place}{manner}，{goods}缺失，涉及约{qty}'],
    ['条', 3, 30],
    ['档案缺失|未建档', '未核对内容|未核实'],
    SHOP_FIX,
  ),
  'MKT-P027': S(
    ['网站|公司官网', '手机应用|APP', '网页游戏页面|游戏页面'],
    ['弹窗广告|弹出式广告', '开屏广告|启动广告'],
    ['在{place}发布{goods}未显著标明关闭标志，持续约{qty}', '{place}{goods}{manner}，持续约{qty}'],
    ['天', 2, 30],
    ['无法一键关闭|不能一键关闭', '关闭按钮过小|关闭标志不明显'],
    SHOP_FIX,
  ),
  'MKT-P028': S(
    ['超市|卖场', '农贸市场|菜场', '批发部|日杂批发店'],
    ['不可降解塑料袋|一次性塑料购物袋', '一次性塑料吸管|塑料吸管', '一次性发泡塑料餐具|发泡餐盒'],
    ['在{place}销售{goods}约{qty}', '{place}{manner}销售{goods}约{qty}'],
    ['包', 5, 80],
    ['公开陈列|摆放在货架', '向商户批发|批发给商户'],
    SHOP_FIX,
  ),
  'MKT-P029': S(
    ['外卖门店|外卖店', '快餐店|餐馆', '奶茶店|饮品店'],
    ['一次性筷子|一次性筷子勺子', '一次性塑料餐具|塑料餐具'],
    ['{place}{manner}向消费者提供{goods}约{qty}', '{place}未经消费者选择即提供{goods}，约{qty}'],
    ['份', 20, 200],
    ['默认|在外卖订单中默认', '免费|主动免费'],
    SHOP_FIX,
  ),
  'FIR-P001': S(
    ['KTV|歌舞娱乐场所', '商场|购物中心', '宾馆|酒店'],
    ['营业|对外营业', '投入使用|开业使用'],
    ['{place}未经消防救援机构许可擅自{goods}，面积约{qty}', '{place}{manner}{goods}，建筑面积约{qty}'],
    ['平方米', 300, 3000],
    ['未办理消防安全检查|未申请检查', '装修完成后即|装修后直接'],
    FIRE_FIX,
  ),
  'FIR-P002': S(
    ['仓库|仓储车间', '商场|超市', '宾馆|酒店'],
    ['灭火器|干粉灭火器', '应急照明灯|应急灯', '疏散指示标志|安全出口指示'],
    ['{place}{goods}配置不足或失效约{qty}', '{place}{goods}{manner}，约{qty}'],
    ['具', 3, 20],
    ['过期未检|超期未维护', '损坏失效|无法使用'],
    FIRE_FIX,
  ),
  'FIR-P003': S(
    ['厂房|车间', '商场|超市', '写字楼|办公楼'],
    ['消火栓|室内消火栓', '自动喷淋系统|喷淋系统', '火灾报警系统|报警控制器'],
    ['{place}擅自停用{goods}，涉及约{qty}', '{place}{manner}拆除{goods}约{qty}'],
    ['处', 1, 8],
    ['为装修|因装修施工', '长期关闭|关闭多日'],
    FIRE_FIX,
  ),
  'FIR-P004': S(
    ['商场疏散通道|疏散通道', '厂房安全出口|安全出口', '宾馆楼梯间|楼梯间'],
    ['货物纸箱|纸箱货物', '电动车|电动自行车', '杂物|各类杂物'],
    ['{place}堆放{goods}约{qty}，占用疏散通道', '{place}被{goods}{manner}堵塞，约{qty}'],
    ['处', 1, 6],
    ['锁闭|上锁', '长期堆放|堆放多日'],
    FIRE_FIX,
  ),
  'FIR-P005': S(
    ['厂区|厂区道路', '商铺门前|店门口', '小区|小区内'],
    ['室外消火栓|消火栓', '防火间距|间距区域'],
    ['{place}{goods}被{manner}约{qty}', '在{place}{manner}，遮挡{goods}约{qty}'],
    ['处', 1, 4],
    ['搭建棚屋|违建棚屋', '堆放货物|货物堆压'],
    FIRE_FIX,
  ),
  'FIR-P006': S(
    ['小区消防车通道|消防车道', '商业综合体消防车道|综合体消防车道', '厂区消防车通道|厂区车道'],
    ['私家车|车辆', '货物|堆放物', '隔离桩|地锁'],
    ['{place}被{goods}{manner}占用，约{qty}', '在{place}设置{goods}，妨碍消防车通行，约{qty}'],
    ['处', 1, 5],
    ['长期|常态化', '夜间|夜间停放'],
    FIRE_FIX,
  ),
  'FIR-P007': S(
    ['KTV包厢|包厢', '网吧|网咖', '宾馆客房|客房'],
    ['防盗窗|铁栅栏', '广告牌|广告布'],
    ['{place}门窗上设置{goods}影响逃生，约{qty}', '{place}{manner}安装{goods}约{qty}'],
    ['处', 2, 10],
    ['焊死|封死', '遮挡窗户|封堵窗口'],
    FIRE_FIX,
  ),
  'FIR-P008': S(
    ['厂房|车间', '仓库|物流仓库', '出租房|群租房'],
    ['电气线路隐患|线路隐患', '易燃物堆放隐患|可燃物堆放'],
    ['{place}{goods}经消防救援机构通知后未及时消除，涉及约{qty}', '{place}对{goods}{manner}，约{qty}'],
    ['处', 1, 6],
    ['拖延整改|迟迟未改', '仅部分整改|整改不到位'],
    FIRE_FIX,
  ),
  'FIR-P009': S(
    ['沿街店铺|底商店面', '小作坊|加工作坊', '仓库|库房'],
    ['油漆稀料|油漆', '液化气钢瓶|液化气瓶', '烟花爆竹|鞭炮'],
    ['{place}储存{goods}约{qty}并设置住人场所', '{place}{manner}经营{goods}约{qty}，与居住场所未分隔'],
    ['件', 5, 50],
    ['前店后宅|楼下经营楼上住人', '未采取防火分隔|无防火分隔'],
    FIRE_FIX,
  ),
  'FIR-P010': S(
    ['宾馆|酒店', '商场|超市', '网吧|网咖'],
    ['不合格灭火器|劣质灭火器', '淘汰的应急灯|不合格应急照明'],
    ['{place}使用{goods}约{qty}', '{place}{manner}配置{goods}约{qty}'],
    ['具', 3, 30],
    ['无合格证|无产品合格证', '低价采购|从不明渠道采购'],
    FIRE_FIX,
  ),
  'FIR-P011': S(
    ['餐馆后厨|后厨', '出租房|群租房', '厂房|车间'],
    ['电气线路|电线', '燃气管路|燃气软管'],
    ['{place}{goods}{manner}，不符合消防技术标准，约{qty}', '{place}私拉乱接{goods}约{qty}'],
    ['处', 2, 10],
    ['私拉乱接|乱拉乱接', '老化破损|老化'],
    FIRE_FIX,
  ),
  'FIR-P012': S(
    ['消防技术服务机构|消防检测公司', '维保公司|消防维保单位'],
    ['检测报告|消防检测报告', '维保记录|维护保养记录'],
    ['{place}出具虚假{goods}约{qty}', '{place}{manner}出具{goods}约{qty}'],
    ['份', 1, 10],
    ['未实地检测|未到现场', '不具备从业条件|资质不符'],
    FIRE_FIX,
  ),
  'HSG-P001': S(
    ['商业用房|商业楼', '厂房|工业厂房'],
    ['装修工程|装修', '改扩建工程|改建'],
    ['{place}{goods}未经消防设计审查擅自施工，面积约{qty}', '{manner}开工建设{place}{goods}，面积约{qty}'],
    ['平方米', 500, 6000],
    ['未报审|未送审', '边设计边施工|先施工后报审'],
    SHOP_FIX,
  ),
  'HSG-P002': S(
    ['商业综合体|综合体', '住宅楼|住宅项目'],
    ['投入使用|交付使用', '营业|开业'],
    ['{place}未经消防验收擅自{goods}，面积约{qty}', '{place}消防验收不合格即{goods}，{manner}，面积约{qty}'],
    ['平方米', 1000, 20000],
    ['抢工期|赶工期', '未整改到位|整改未完成'],
    SHOP_FIX,
  ),
  'HSG-P003': S(
    ['住宅项目|住宅楼', '办公楼|写字楼'],
    ['消防验收备案|验收备案'],
    ['建设单位在{place}验收后未报送{goods}，逾期约{qty}', '{place}{manner}未办理{goods}约{qty}'],
    ['天', 10, 90],
    ['遗漏|疏忽', '资料不全|资料未备齐'],
    SHOP_FIX,
  ),
  'HSG-P004': S(
    ['厂房项目|厂房', '商住楼|商住项目'],
    ['防火分区|防火分隔', '疏散宽度|疏散楼梯'],
    ['建设单位要求施工企业降低{place}{goods}标准，涉及约{qty}', '{place}{manner}要求减少{goods}，涉及约{qty}'],
    ['处', 1, 6],
    ['为节约成本|节省造价', '口头要求|以口头方式'],
    SHOP_FIX,
  ),
};

/** A scene for an item the table does not describe: its own name, said plainly. */
function sceneOf(item: { code: string; name: string }): Scene {
  return (
    SCENES[item.code] ??
    S(['经营场所|经营地点'], [`${item.name}|相关行为`], ['在{place}存在{goods}的行为，涉及约{qty}'], ['处', 1, 5], ['多次|反复'], SHOP_FIX)
  );
}

// ── the parts every item shares ───────────────────────────────────────────────────────────────────
const DISCOVERY = [
  '执法人员在日常巡查中发现',
  '根据群众举报，执法人员赶赴现场检查发现',
  '经12345热线转办线索，执法人员现场核查发现',
  '执法人员在“双随机”抽查中发现',
  '经数字城管平台上报，执法人员到场查实',
  '在联合检查中，执法人员发现',
];
const TIME_OF_DAY = ['上午', '下午', '傍晚', '晚上', '凌晨'];
// The circumstances any act can have, each a group of synonyms: why, how often, and where exactly. A
// family shares them; a lone case draws its own, so two unrelated cases rarely share all three.
const MOTIVES = [
  '为图方便|贪图一时方便',
  '为节省费用|为省下相关费用',
  '因分类意识薄弱|因分类意识不强',
  '因不了解相关规定|对相关规定不了解',
  '系员工擅自所为|系店内员工个人所为',
  '为赶工期|因急于赶时间',
  '为招揽生意|为吸引顾客',
  '因内部管理疏漏|因管理上的疏忽',
  '因设备出现故障|因设备临时故障',
  '经他人授意|受他人指使',
];
const FREQUENCY = [
  '系偶发行为|属偶然一次',
  '连续三天均有此类行为|接连三天出现同样情况',
  '此前已多次被劝导|曾多次被劝阻',
  '多在周末发生|每逢周末即出现',
  '多在夜间进行|往往趁夜间进行',
  '近一周内反复出现|一周以来反复发生',
  '持续时间较长|已持续较长时间',
];
const POSITION = [
  '现场距居民区约五十米|现场离居民住宅约五十米',
  '现场紧邻一所小学|现场靠近小学校门',
  '现场临近河道|现场靠近河边',
  '现场位于主干道旁|现场就在主干道边',
  '现场邻近农贸市场|现场在菜市场附近',
  '现场靠近景区入口|现场在景区入口周边',
  '现场邻近公交站台|现场在公交站旁',
  '现场位于村口|现场就在村口',
  '现场在医院周边|现场靠近医院',
];
const FIRST = ['系初次违法', '此前未因同类违法行为受过处罚', '经系统查询为首次违法'];
const NOT_FIRST = ['一年内曾因同类违法行为受到处理', '系再次实施同类违法行为', '此前已因同类问题被责令改正'];
const NOT_FIXED = ['经责令改正后仍未改正', '至调查终结时尚未整改', '拒不整改'];
const HARM: Record<Facts['harm'], string[]> = {
  none: ['未造成危害后果', '未造成不良影响', '尚未造成实际危害'],
  minor: ['危害后果轻微', '造成一定不良影响', '对周边环境造成轻微影响'],
  serious: ['造成较大危害后果', '引发群众多次投诉，社会影响较大', '造成严重不良影响'],
};
const ATTITUDE = ['当事人认错态度诚恳', '当事人如实陈述违法事实', '当事人积极配合调查', '当事人对违法事实无异议'];
const DECISION_TEXT: Record<TierName, string> = {
  exempt: '',
  mitigated: '依法减轻处罚',
  lenient: '依法从轻处罚',
  general: '',
  severe: '依法从重处罚',
};

/** One synonym of a '|' group. */
const say = (rng: Rng, group: string) => rng.pick(group.split('|'));

/** A family's (or a lone case's) scene: which place, goods, act and manner, and the quantity. */
interface Choice {
  place: number;
  goods: number;
  act: number;
  manner: number;
  qty: number;
  fix: number;
  discovery: number;
  motive: number;
  frequency: number;
  position: number;
}

function choose(rng: Rng, s: Scene): Choice {
  const [, lo, hi] = s.qty;
  return {
    place: rng.int(s.places.length),
    goods: rng.int(s.goods.length),
    act: rng.int(s.acts.length),
    manner: rng.int(s.manners.length),
    qty: rng.range(lo, hi),
    fix: rng.int(s.fixes.length),
    discovery: rng.int(DISCOVERY.length),
    motive: rng.int(MOTIVES.length),
    frequency: rng.int(FREQUENCY.length),
    position: rng.int(POSITION.length),
  };
}

interface Family {
  id: string;
  choice: Choice;
  left: number;
}

/** The families of one generation run: each item's family still taking members. */
export class FactsWriter {
  private readonly open = new Map<string, Family>();

  constructor(readonly seed: number) {}

  /** Joins the case to its item's open family (opening one when none is), or returns null. */
  familyOf(rng: Rng, item: string, scene: Scene): Family | null {
    if (!rng.chance(FAMILY_SHARE)) return null;
    let f = this.open.get(item);
    if (!f || f.left === 0) {
      const serial = (f ? Number(f.id.slice(-4)) : 0) + 1;
      f = { id: `F-${item}-${String(serial).padStart(4, '0')}`, choice: choose(rng, scene), left: rng.range(...FAMILY_SIZE) };
      this.open.set(item, f);
    }
    f.left--;
    return f;
  }
}

/** A family member's quantity: the family's, give or take a fifth (officers round and estimate). */
const near = (rng: Rng, q: number) => Math.max(1, Math.round(q * (0.8 + 0.4 * rng.next())));

/** Who and where: the entity's name and township. */
export interface Party {
  name: string;
  township: { code: string; name: string };
}

/**
 * The facts text of case `id` (filed on day `filed`) as its officer wrote it, and the family it joined
 * (its ground truth), if any.
 */
export function writeFacts(
  w: FactsWriter,
  id: string,
  e: Party,
  item: { code: string; name: string },
  f: Facts,
  tier: TierName,
  filed: number,
): { text: string; family: string | null } {
  const rng = Rng.of(w.seed, 'case-facts', id);
  const scene = sceneOf(item);
  const family = w.familyOf(rng, item.code, scene);
  const c = family ? { ...family.choice, qty: near(rng, family.choice.qty), discovery: rng.int(DISCOVERY.length) } : choose(rng, scene);

  const day = isoOf(filed - rng.range(1, 12));
  const when = `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日${rng.pick(TIME_OF_DAY)}`;
  const place = `${e.township.name}${say(rng, scene.places[c.place])}`;
  const act = scene.acts[c.act]
    .replace('{place}', place)
    .replace('{goods}', say(rng, scene.goods[c.goods]))
    .replace('{manner}', say(rng, scene.manners[c.manner]))
    .replace('{qty}', `${c.qty}${scene.qty[0]}`);
  const who = rng.chance(0.5) ? `当事人${e.name}` : e.name;
  const opening = rng.int(3);
  const first =
    opening === 0
      ? `经查，${when}，${who}${act}。`
      : opening === 1
        ? `${when}，${DISCOVERY[c.discovery]}，${who}${act}。`
        : `${DISCOVERY[c.discovery]}：${who}于${when}${act}。`;
  const offence = rng.pick(f.firstOffence ? FIRST : NOT_FIRST);
  const fixed = f.corrected ? say(rng, scene.fixes[c.fix]) : rng.pick(NOT_FIXED);
  const harm = rng.pick(HARM[f.harm]);
  const parts = rng.chance(0.5) ? [offence, fixed, harm] : [fixed, offence, harm];
  const circumstances = [say(rng, MOTIVES[c.motive]), say(rng, FREQUENCY[c.frequency]), say(rng, POSITION[c.position])];
  if (rng.chance(0.5)) circumstances.reverse();
  const attitude = rng.chance(0.4) ? `${rng.pick(ATTITUDE)}，` : '';
  const closing = DECISION_TEXT[tier] ? `${DECISION_TEXT[tier]}。` : '';
  return { text: `${first}${circumstances.join('，')}。${attitude}当事人${parts.join('，')}。${closing}`, family: family?.id ?? null };
}
