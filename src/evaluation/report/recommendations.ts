// Recommendations of a situation report: rules over its figures, each a condition and a Chinese text
// built from the numbers that met it. Adding a rule: a new entry here; the report lists those that fire,
// in this order, or the last (a steady state) when none does.
import type { ReportContent } from './report-content.ts';

export interface RecommendationRule {
  code: string;
  applies(c: ReportContent): string | null;
}

const indicator = (c: ReportContent, code: string) => c.indicators.find((i) => i.code === code && i.value !== null);
const headline = (c: ReportContent, key: string) => c.headline.find((h) => h.key === key);
const worse = (i: { value: number | null; target: number; direction: 'higher' | 'lower' }) =>
  i.value !== null && (i.direction === 'higher' ? i.value < i.target : i.value > i.target);

export const RECOMMENDATION_RULES: RecommendationRule[] = [
  {
    code: 'inspections_rising',
    applies: (c) => {
      const h = headline(c, 'inspections');
      return h && h.yoy !== null && h.yoy > 10
        ? `涉企行政检查次数同比上升${h.yoy.toFixed(2)}%。建议严格执行涉企行政检查事项清单和频次上限，统筹“双随机、一公开”抽查，能合并的检查合并进行，切实为企业减负。`
        : null;
    },
  },
  {
    code: 'repeat_inspection',
    applies: (c) => {
      const i = indicator(c, 'INS_REPEAT_RATE');
      return i && worse(i)
        ? `重复检查率为${i.value}%，高于目标值${i.target}%。建议推行跨部门联合检查，对7日内同一企业多头检查的情况开展专项督查。`
        : null;
    },
  },
  {
    code: 'discretion',
    applies: (c) => {
      const i = indicator(c, 'PENALTY_DEVIATION_RATE');
      return i && worse(i)
        ? `裁量偏离率为${i.value}%，高于目标值${i.target}%。建议对偏离裁量基准的案件逐件复核，组织裁量基准专题培训，并将其纳入案卷评查重点。`
        : null;
    },
  },
  {
    code: 'exemption',
    applies: (c) => {
      const i = indicator(c, 'EXEMPTION_APPLIED_RATE');
      return i && worse(i)
        ? `符合轻微违法不予处罚条件的案件中，依法不予处罚的比例为${i.value}%，低于目标值${i.target}%。建议督促执法部门对照不予处罚清单落实“首违不罚”，做到当宽则宽。`
        : null;
    },
  },
  {
    code: 'clue_loop',
    applies: (c) => {
      const i = indicator(c, 'CLUE_ON_TIME_RATE');
      return i && worse(i)
        ? `问题线索按期办结率为${i.value}%，低于目标值${i.target}%。建议对逾期线索提级督办，对整改不到位的执法部门制发执法监督通知书。`
        : null;
    },
  },
  {
    code: 'satisfaction',
    applies: (c) => {
      const i = indicator(c, 'FOLLOWUP_SATISFACTION');
      return i && worse(i)
        ? `回访满意度为${i.value}%，低于目标值${i.target}%。建议针对回访中反映集中的问题开展“差异访”，对不满意的执法事项逐件核查整改。`
        : null;
    },
  },
  {
    code: 'certificates',
    applies: (c) => {
      const i = indicator(c, 'CERTIFIED_OFFICER_RATE');
      return i && worse(i)
        ? `执法人员持证率为${i.value}%，低于目标值${i.target}%。建议及时组织执法资格考试和证件换发，严禁无证人员从事执法活动。`
        : null;
    },
  },
  {
    code: 'agencies_to_watch',
    applies: (c) =>
      c.agenciesToWatch.length > 0
        ? `${c.agenciesToWatch.map((a) => a.name).join('、')}等${c.agenciesToWatch.length}个执法主体综合得分靠后，建议约谈提醒，跟踪其短板指标整改情况。`
        : null,
  },
  {
    code: 'steady',
    applies: () => '各项执法指标总体平稳。建议持续做好执法数据归集和监督模型运行，发现问题线索及时交办、闭环销号。',
  },
];

export function recommend(c: ReportContent): string[] {
  const fired = RECOMMENDATION_RULES.slice(0, -1)
    .map((r) => r.applies(c))
    .filter((t): t is string => t !== null);
  return fired.length ? fired : [RECOMMENDATION_RULES.at(-1)!.applies(c)!];
}
