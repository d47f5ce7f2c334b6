// 夜间或法定节假日实施强制执行: an act of 行政强制执行 (第十二条: 划拨存款、汇款, 拍卖或者依法处理查封、扣押的
// 财物, 强制拆除、排除妨碍、恢复原状, 代履行) that began at night or on a legal holiday, and that the record does
// not mark urgent (行政强制法 第四十三条 第一款: 行政机关不得在夜间或者法定节假日实施行政强制执行。但是，情况
// 紧急的除外). 查封、扣押、冻结 are 强制措施, not 强制执行: 第四十三条 does not reach them, and they are not judged.
// 夜间: the law does not define it; the window is a setting per region, default 22:00 to 06:00 the next
// morning (a start at 22:00 or 05:59 is at night, 21:59 and 06:00 are not); a record without a time of day
// is judged on the holiday only. 法定节假日: the days off of the State Council's yearly arrangement in the
// working-day calendar (calendar_days.holiday: the holidays and the weekend days joined to them); an
// ordinary Saturday or Sunday is a rest day, not a 法定节假日, and is not judged. Years the calendar does not
// list have no holidays.
import { raw, sql } from '../../store/sql.ts';
import type { ModelDefinition, ParamValues } from '../model.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

/** 2200 → '22:00'. */
const clock = (hhmm: number) => `${String(Math.floor(hhmm / 100)).padStart(2, '0')}:${String(hhmm % 100).padStart(2, '0')}`;

/** SQL: 'HH:MM' of m.started_at as the number HHMM. */
const HHMM = `(CAST(substr(m.started_at, 1, 2) AS INTEGER) * 100 + CAST(substr(m.started_at, 4, 2) AS INTEGER))`;

/** SQL: the act began within the night window [from, to) — across midnight when from > to. */
function nightSql(p: ParamValues) {
  const from = Math.trunc(p.night_from);
  const to = Math.trunc(p.night_to);
  if (from === to) return raw('FALSE');
  const cond = from > to ? `(${HHMM} >= ${from} OR ${HHMM} < ${to})` : `(${HHMM} >= ${from} AND ${HHMM} < ${to})`;
  return raw(`(m.started_at IS NOT NULL AND ${cond})`);
}

export const coercionNightHoliday: ModelDefinition = {
  code: 'COE_NIGHT_HOLIDAY',
  name: '夜间或法定节假日实施强制执行',
  description:
    '划拨存款汇款、拍卖或依法处理查封扣押财物、强制拆除（排除妨碍、恢复原状）、代履行等强制执行记录，实施日期是工作日日历中的法定节假日（国务院放假安排中的放假日，含与节日连休的周末；普通周六、周日不算），或实施时间在夜间（默认22:00至次日06:00，可按地区设置），且记录未载明情况紧急。查封、扣押、冻结是强制措施，不在此列；未记录实施时间的只判断节假日。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 43,
    note: '第一款；“夜间”法律未界定，默认22:00至次日06:00，可按地区调整；强制执行的方式见第十二条',
  },
  severity: 'medium',
  params: [
    { name: 'night_from', label: '夜间开始（时分，如2200）', type: 'integer', default: 2200, min: 0, max: 2359 },
    { name: 'night_to', label: '夜间结束（时分，如600）', type: 'integer', default: 600, min: 0, max: 2359 },
  ],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}{time_text}对{subject_name}实施{measure_label}，{when_text}，记录未载明情况紧急，可能在夜间或者法定节假日实施行政强制执行，请核实并说明。',
  groundTruth: { violation: 'coercion_night_holiday', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const night = nightSql(params);
    const window = `夜间（${clock(params.night_from)}至${params.night_from > params.night_to ? '次日' : ''}${clock(params.night_to)}）`;
    const holiday = sql`COALESCE(cd.holiday, FALSE)`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS},
           CASE WHEN m.started_at IS NULL THEN '' ELSE ' ' || m.started_at END AS time_text,
           CASE WHEN ${holiday} AND ${night} THEN CAST(${'当日为法定节假日，且实施时间在' + window} AS VARCHAR)
                WHEN ${holiday} THEN '当日为法定节假日'
                ELSE CAST(${'实施时间在' + window} AS VARCHAR) END AS when_text
    FROM ${MEASURE_NAMES} LEFT JOIN calendar_days cd ON cd.day = m.started_on
    WHERE ${where('m')} AND m.measure IN ('transfer_funds', 'auction', 'remove', 'substitute') AND NOT m.urgent
      AND m.started_on <= CAST(${asOf} AS DATE) AND (${holiday} OR ${night})`;
  },
};
