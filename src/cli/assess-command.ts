// kedu assess: the discretion navigator on the command line. The case comes as flags or as a JSON file
// (the body of POST /api/v1/navigator/assess); the assessment prints in Chinese, or as JSON with --json.
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { authorize } from '../policy/index.ts';
import { TIER_NAMES } from '../catalog/types.ts';
import { NavigatorError, assess, type AssessRequest, type AssessResult } from '../navigator/index.ts';
import { UsageProblem, callerFor, userPath, withStore } from './context.ts';
import { EXIT, fail, print, setExitCode } from './output.ts';
import { io } from './io.ts';

interface AssessFlags {
  file?: string;
  item?: string;
  region?: string;
  firstOffence?: boolean;
  corrected?: boolean;
  harm?: 'none' | 'minor' | 'serious';
  illegalGains?: string;
  amount?: string;
  loss?: string;
  cooperation?: boolean;
  repeatMonths?: string;
  text?: string;
  decision?: 'no_penalty' | 'warning' | 'fine';
  fine?: string;
  confiscation?: boolean;
  asOf?: string;
  user?: string;
  json?: boolean;
}

/** A number flag as given: NaN for text, so that assess() names the field. */
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));

function requestOf(o: AssessFlags): unknown {
  if (o.file) {
    try {
      return JSON.parse(readFileSync(userPath(o.file), 'utf8')) as unknown;
    } catch (e) {
      fail(`无法读取 ${o.file}：${(e as Error).message}`, EXIT.usage);
    }
  }
  if (!o.item || !o.region || !o.harm) fail('请用 --item、--region、--harm 说明案件（或用 --file 给出JSON）', EXIT.usage);
  const request: AssessRequest = {
    item: o.item,
    regionCode: o.region,
    asOf: o.asOf,
    facts: {
      firstOffence: !!o.firstOffence,
      corrected: !!o.corrected,
      harm: o.harm,
      illegalGains: number(o.illegalGains),
      amountInvolved: number(o.amount),
      lossAmount: number(o.loss),
      cooperation: !!o.cooperation,
      repeatWithinMonths: number(o.repeatMonths),
      text: o.text,
    },
    proposed: o.decision ? { decision: o.decision, fine: number(o.fine), confiscation: !!o.confiscation } : undefined,
  };
  return request;
}

const yuan = (n: number | null) => (n === null ? '—' : `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n)}元`);
const HARM: Record<string, string> = { none: '未造成危害后果', minor: '危害后果轻微', serious: '造成较大危害后果' };
const DECISION: Record<string, string> = { fine: '罚款', warning: '警告', no_penalty: '不予处罚' };

/** The assessment as an officer reads it. */
export function assessmentText(a: AssessResult): string {
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  p(`裁量导航 · ${a.item.code} ${a.item.name}（${a.item.lineName}）· ${a.region.name} · ${a.asOf}`);
  p();
  p('【法律依据】');
  for (const [label, ref] of [
    ['违反条款', a.law.violated],
    ['处罚依据', a.law.penalty],
  ] as const)
    if (ref) p(`${label}：${ref.citation}${ref.text ? `\n  ${ref.text.replace(/\n/g, '\n  ')}` : ''}`);
  p(`法定幅度：${a.law.statutory.min === null ? '未规定数额' : `${yuan(a.law.statutory.min)}至${yuan(a.law.statutory.max)}`}`);
  p();
  p('【裁量基准】');
  if (a.baseline) {
    p(`${a.baseline.title}（${a.baseline.regionName}，${a.baseline.effectiveFrom}起施行）`);
    for (const r of a.baseline.replaces) p(`  取代：${r.title}`);
  } else p('无生效的裁量基准');
  p(`适用档次：${a.tier.label}${a.tier.tier !== 'exempt' && a.tier.min !== null ? `（${yuan(a.tier.min)}至${yuan(a.tier.max)}）` : ''}`);
  p(`选择理由：${a.tier.condition}${a.tier.citations.length ? `（${a.tier.citations.map((c) => c.citation).join('、')}）` : ''}`);
  p();
  p('【不予处罚】');
  p(a.exemption.reason);
  for (const e of a.exemption.entries) p(`  清单条目 ${e.id}（${e.regionName}${e.list ? `，${e.list.citation}` : ''}）：${e.conditions}`);
  if (a.exemption.status !== 'not_applicable') for (const c of a.exemption.citations) p(`  ${c.citation}：${c.text ?? '（条文未收录）'}`);
  p();
  p(`【历史决定】近${a.history.lookbackDays}天`);
  for (const h of [a.history.region, a.history.province]) {
    const share = h.noPenaltyShare === null ? '—' : `${(h.noPenaltyShare * 100).toFixed(1)}%`;
    const spread = h.fines
      ? `罚款中位数${yuan(h.fines.median)}，四分位${yuan(h.fines.q1)}至${yuan(h.fines.q3)}（IQR ${yuan(h.fines.iqr)}），MAD ${yuan(h.fines.mad)}`
      : `罚款决定${h.fined}件，少于${a.history.minDecisions}件，不计算中位数`;
    p(`${h.scope.name}：决定${h.decisions}件，不予处罚占${share}；${spread}`);
  }
  p();
  p('【建议】');
  p(a.recommendation.text);
  if (a.verdict) {
    p();
    p(
      `【拟作决定评价】${DECISION[a.verdict.decision]}${a.verdict.fine !== null ? yuan(a.verdict.fine) : ''}${a.verdict.review ? ' —— 建议复核' : ''}`,
    );
    for (const r of a.verdict.reasons) p(`  ${r}`);
    if (a.verdict.robustZ !== null) p(`  偏离同类中位数：稳健Z值${a.verdict.robustZ}（阈值${a.verdict.zThreshold}）`);
  }
  if (a.similar.length) {
    p();
    p('【类案推送】');
    for (const [i, s] of a.similar.entries()) {
      const decided = s.decision === 'fine' ? `罚款${yuan(s.fine)}` : (DECISION[s.decision ?? ''] ?? '未决');
      p(
        `${i + 1}. ${s.id} ${s.regionName} ${s.decidedOn ?? ''} ${decided}（${TIER_NAMES[s.tier as keyof typeof TIER_NAMES] ?? s.tier ?? '未载明档次'}；${
          s.facts.firstOffence ? '初次违法' : '非初次违法'
        }、${s.facts.corrected ? '已改正' : '未改正'}、${HARM[s.facts.harm] ?? s.facts.harm}）`,
      );
      p(`   ${s.why.join('；')}`);
      p(`   ${s.text.map((t) => (t.hit ? `【${t.text}】` : t.text)).join('')}`);
    }
  }
  if (a.notes.length) {
    p();
    p('【说明】');
    for (const n of a.notes) p(`  ${n}`);
  }
  return out.join('\n');
}

export function assessCommand(): Command {
  return new Command('assess')
    .description('裁量导航：给出法律依据、裁量档次、免罚、历史处罚分布、对拟作决定的评价和类案')
    .option('--file <json>', '案件JSON（与 POST /api/v1/navigator/assess 的请求体相同）')
    .option('--item <item>', '处罚事项：编码、名称或日常说法（如“无照经营”）')
    .option('--region <code>', '案件所在区划代码（县级或乡镇）')
    .option('--first-offence', '初次违法')
    .option('--corrected', '及时改正')
    .addOption(new Option('--harm <harm>', '危害后果').choices(['none', 'minor', 'serious']))
    .option('--illegal-gains <yuan>', '违法所得（元）')
    .option('--amount <yuan>', '涉案金额、货值金额（元）')
    .option('--loss <yuan>', '造成损失金额（元）')
    .option('--cooperation', '积极配合调查')
    .option('--repeat-months <n>', '距上次因同一违法行为受处罚的月数')
    .option('--text <facts>', '违法事实（自由文本）')
    .addOption(new Option('--decision <decision>', '拟作决定').choices(['no_penalty', 'warning', 'fine']))
    .option('--fine <yuan>', '拟罚款数额（元）')
    .option('--confiscation', '拟没收违法所得')
    .option('--as-of <date>', '以该日期为“今天”（YYYY-MM-DD）')
    .option('--user <username>', '以该用户身份评估（按其辖区）；默认以系统身份（全省）')
    .option('--json', 'JSON output')
    .action(async (o: AssessFlags, cmd: Command) => {
      const request = requestOf(o);
      await withStore(cmd, async (store) => {
        try {
          const caller = await callerFor(store, o.user);
          authorize(caller, 'assess', { type: 'navigator' });
          const result = await assess(store, caller, request);
          print((o.json ? JSON.stringify(result) : assessmentText(result)) + '\n');
        } catch (e) {
          if (e instanceof UsageProblem) fail(e.message, EXIT.usage);
          if (!(e instanceof NavigatorError)) throw e;
          if (o.json) print(JSON.stringify({ error: e.message, code: e.code, field: e.field }) + '\n');
          else io().err(`错误：${e.field ? `[${e.field}] ` : ''}${e.message}\n`);
          setExitCode(EXIT.usage);
        }
      });
    });
}
