// Chinese names for the demo world: people, companies, 个体工商户, townships, and the identifiers that
// go with them (身份证号 with its GB 11643 check digit, mobile numbers, certificate numbers). Every name
// is composed from the pools below; none is a real person's or company's name on purpose, though a
// composed name may by chance equal a real one.
import { Rng, Weighted } from './prng.ts';

// Surnames, weighted roughly by their frequency in Zhejiang (陈、王、张、李、吴、徐… lead).
const SURNAMES = new Weighted(
  [
    '陈',
    '王',
    '张',
    '李',
    '吴',
    '徐',
    '周',
    '金',
    '朱',
    '杨',
    '林',
    '黄',
    '胡',
    '叶',
    '郑',
    '沈',
    '潘',
    '俞',
    '应',
    '方',
    '钱',
    '蒋',
    '何',
    '楼',
    '汪',
    '孙',
    '赵',
    '刘',
    '郭',
    '马',
    '许',
    '韩',
    '冯',
    '邵',
    '蔡',
    '袁',
    '丁',
    '姚',
    '卢',
    '傅',
    '董',
    '范',
    '陆',
    '钟',
    '程',
    '谢',
    '戴',
    '屠',
    '孔',
    '章',
    '严',
    '顾',
    '毛',
    '施',
    '魏',
    '夏',
    '邱',
    '洪',
    '宋',
    '高',
  ],
  [
    8, 7.5, 6, 5.5, 5, 4.5, 4, 3.5, 3.2, 3, 3, 2.8, 2.8, 2.6, 2.5, 2.4, 2, 1.8, 1.6, 1.6, 1.5, 1.5, 1.5, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2,
    1.2, 1, 1, 1, 1, 1, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.6, 0.7, 0.7, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
    0.6,
  ],
);

const GIVEN_ONE = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '浩',
  '宇',
  '晨',
  '婷',
  '雪',
  '斌',
  '鹏',
  '丹',
  '亮',
  '颖',
  '佳',
  '琳',
  '俊',
  '凯',
  '峰',
  '燕',
  '华',
  '红',
  '彬',
  '晶',
];
const GIVEN_TWO = [
  '建华',
  '建国',
  '国平',
  '海燕',
  '晓东',
  '志强',
  '秀英',
  '桂英',
  '子涵',
  '欣怡',
  '佳琪',
  '雨轩',
  '浩然',
  '宇航',
  '梓涵',
  '晓燕',
  '建明',
  '伟民',
  '立新',
  '海波',
  '丽娟',
  '婷婷',
  '晓峰',
  '振华',
  '文杰',
  '雪梅',
  '亚萍',
  '忠良',
  '国庆',
  '卫东',
  '思远',
  '一鸣',
  '嘉怡',
  '可欣',
  '俊杰',
  '明辉',
  '玲玲',
  '红英',
  '永康',
  '德胜',
  '培元',
  '晓梅',
  '春燕',
  '志明',
  '爱国',
];

export function personName(rng: Rng): string {
  const s = SURNAMES.pick(rng);
  return rng.chance(0.62) ? s + rng.pick(GIVEN_TWO) : s + rng.pick(GIVEN_ONE);
}

// 字号: the distinctive part of a business name.
const BRAND_CHARS = [
  '鑫',
  '达',
  '恒',
  '瑞',
  '华',
  '盛',
  '创',
  '新',
  '佳',
  '源',
  '宏',
  '泰',
  '嘉',
  '隆',
  '富',
  '康',
  '博',
  '远',
  '信',
  '德',
  '成',
  '永',
  '中',
  '天',
  '海',
  '金',
  '联',
  '迅',
  '祥',
  '锦',
  '丰',
  '安',
  '宇',
  '景',
  '卓',
  '越',
  '力',
  '诚',
  '明',
  '润',
  '云',
  '星',
  '汇',
  '银',
  '凯',
  '睿',
  '宸',
  '和',
  '丽',
  '昊',
  '晟',
  '通',
  '浙',
  '钱',
  '湖',
  '越',
  '亿',
  '顺',
  '兴',
  '弘',
];

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  if (b === a) b = BRAND_CHARS[(BRAND_CHARS.indexOf(a) + 7) % BRAND_CHARS.length];
  return rng.chance(0.12) ? a + b + rng.pick(BRAND_CHARS) : a + b;
}

/** The city's short name (杭州市 → 杭州) for company names: 杭州鑫达餐饮管理有限公司. */
export const shortCity = (cityName: string): string => cityName.replace(/市$/, '');
/** The county's name without its suffix where that still reads naturally (余杭区 → 余杭). */
export const shortCounty = (countyName: string): string => (countyName.length > 2 ? countyName.replace(/[区县市]$/, '') : countyName);

export function companyName(rng: Rng, cityName: string, countyName: string, businessWords: readonly string[]): string {
  const place = rng.chance(0.8) ? shortCity(cityName) : shortCounty(countyName);
  const form = rng.chance(0.9) ? '有限公司' : '股份有限公司';
  return `${place}${brand(rng)}${rng.pick(businessWords)}${form}`;
}

export function soleTraderName(rng: Rng, countyName: string, shopWords: readonly string[]): string {
  const r = rng.next();
  const who = r < 0.35 ? `${SURNAMES.pick(rng)}记` : r < 0.5 ? `阿${rng.pick(GIVEN_ONE)}` : brand(rng);
  return `${countyName}${who}${rng.pick(shopWords)}`;
}

// Township names: two characters and 街道 / 镇 / 乡. Real townships have real names and real codes;
// the demo's are generated (regions.is_demo = TRUE) so that nobody mistakes them for GB/T 2260 data.
const TOWN_FIRST = [
  '东',
  '西',
  '南',
  '北',
  '新',
  '长',
  '古',
  '石',
  '青',
  '白',
  '金',
  '云',
  '龙',
  '凤',
  '桃',
  '梅',
  '柳',
  '松',
  '竹',
  '兰',
  '丰',
  '安',
  '宁',
  '和',
  '平',
  '瑞',
  '永',
  '仁',
  '义',
  '上',
  '下',
  '大',
  '小',
  '双',
  '三',
  '横',
  '湖',
  '溪',
  '花',
  '杏',
];
const TOWN_SECOND = [
  '塘',
  '桥',
  '山',
  '湖',
  '溪',
  '浦',
  '港',
  '湾',
  '岭',
  '坞',
  '埠',
  '田',
  '林',
  '江',
  '河',
  '源',
  '亭',
  '口',
  '门',
  '墩',
  '园',
  '川',
  '洲',
  '岙',
  '畈',
  '泾',
  '浜',
  '堰',
  '渚',
  '垟',
];

/** `count` distinct township names for one county: districts (区) have 街道, counties mostly 镇 and 乡. */
export function townshipNames(rng: Rng, countyName: string, count: number): string[] {
  const isDistrict = countyName.endsWith('区');
  const names = new Set<string>();
  let guard = 0;
  while (names.size < count && guard++ < 10_000) {
    const stem = rng.pick(TOWN_FIRST) + rng.pick(TOWN_SECOND);
    const r = rng.next();
    const suffix = isDistrict ? (r < 0.8 ? '街道' : '镇') : r < 0.25 ? '街道' : r < 0.85 ? '镇' : '乡';
    names.add(stem + suffix);
  }
  return [...names];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号 (GB 11643-1999): region, birth date, sequence and the ISO 7064 MOD 11-2 check character. */
export function idNumber(rng: Rng, regionCode: string, birthIso: string): string {
  const body = `${regionCode.slice(0, 6)}${birthIso.replace(/-/g, '')}${String(rng.int(1000)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}

const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0');
}
