// Checks an assessment request before anything is computed: every bad value gets a Chinese message that
// names the field as the request spells it (facts.lossAmount, proposed.fine). Contradictory facts are
// refused rather than guessed at: "no harm" with a loss, a first offence with an earlier penalty for the
// same act. A fine above the statutory maximum is not an input error — the verdict says so — but a
// negative, fractional-cent or absurd amount is.
import { isIsoDate } from '../domain/dates.ts';
import { badInput } from './errors.ts';
import { DECISIONS, HARMS, type AssessRequest } from './schema.ts';

/** No fine or amount in Kedu's catalog comes near this (the largest statutory maximum is 2 million yuan). */
export const ABSURD_YUAN = 1e10;

function yuan(field: string, label: string, v: unknown, allowZero = true): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(field, `${label}须为数字（元）`);
  if (v < 0) throw badInput(field, `${label}不能为负数：${v}`);
  if (!allowZero && v === 0) throw badInput(field, `${label}须大于0元`);
  if (v >= ABSURD_YUAN) throw badInput(field, `${label}数额不合理：${v}元`);
  if (Math.round(v * 100) !== Math.round(v * 1e6) / 1e4) throw badInput(field, `${label}最多保留两位小数（分）：${v}`);
  return v;
}

export interface CheckedRequest extends AssessRequest {
  asOf: string;
}

/** The request, checked; `today` is the default asOf. Throws a NavigatorError naming the first bad field. */
export function checkRequest(body: unknown, today: string): CheckedRequest {
  if (typeof body !== 'object' || body === null) throw badInput('body', '请求须为JSON对象');
  const r = body as Partial<AssessRequest>;
  if (typeof r.item !== 'string' || r.item.trim() === '') throw badInput('item', '请填写处罚事项（编码、名称或日常说法）');
  if (r.item.length > 200) throw badInput('item', '处罚事项过长（最多200字）');
  if (typeof r.regionCode !== 'string' || r.regionCode === '') throw badInput('regionCode', '请选择案件所在区划');
  const asOf = r.asOf ?? today;
  if (typeof asOf !== 'string' || !isIsoDate(asOf)) throw badInput('asOf', `日期格式应为YYYY-MM-DD：${String(asOf)}`);
  const f = r.facts;
  if (typeof f !== 'object' || f === null) throw badInput('facts', '请填写案件事实');
  if (typeof f.firstOffence !== 'boolean') throw badInput('facts.firstOffence', '请说明是否初次违法');
  if (typeof f.corrected !== 'boolean') throw badInput('facts.corrected', '请说明是否及时改正');
  if (!(HARMS as readonly unknown[]).includes(f.harm))
    throw badInput('facts.harm', '危害后果须为：无（none）、轻微（minor）或较大（serious）');
  yuan('facts.illegalGains', '违法所得', f.illegalGains);
  yuan('facts.amountInvolved', '涉案金额', f.amountInvolved);
  const loss = yuan('facts.lossAmount', '造成损失金额', f.lossAmount);
  if (f.harm === 'none' && loss !== null && loss > 0)
    throw badInput('facts.lossAmount', `案件事实矛盾：选择“未造成危害后果”，却填写了造成损失${loss}元`);
  if (f.cooperation !== undefined && typeof f.cooperation !== 'boolean') throw badInput('facts.cooperation', '“积极配合调查”须为是或否');
  const months = f.repeatWithinMonths;
  if (months !== undefined && months !== null) {
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > 600)
      throw badInput('facts.repeatWithinMonths', `距上次因同一违法行为受处罚的月数须为0至600的整数：${String(months)}`);
    if (f.firstOffence) throw badInput('facts.repeatWithinMonths', '案件事实矛盾：选择“初次违法”，却填写了此前因同一违法行为受过处罚');
  }
  if (f.text !== undefined && f.text !== null && (typeof f.text !== 'string' || f.text.length > 5000))
    throw badInput('facts.text', '违法事实须为文本，最多5000字');
  const p = r.proposed;
  if (p !== undefined && p !== null) {
    if (!(DECISIONS as readonly unknown[]).includes(p.decision)) throw badInput('proposed.decision', '拟作决定须为：不予处罚、警告或罚款');
    const fine = yuan('proposed.fine', '拟罚款数额', p.fine, p.decision !== 'fine');
    if (p.decision === 'fine' && fine === null) throw badInput('proposed.fine', '拟作罚款决定，请填写罚款数额');
    if (p.decision !== 'fine' && fine !== null && fine > 0) throw badInput('proposed.fine', '拟作决定不是罚款，不应填写罚款数额');
    if (p.confiscation !== undefined && typeof p.confiscation !== 'boolean')
      throw badInput('proposed.confiscation', '“没收违法所得”须为是或否');
  }
  return { ...(r as AssessRequest), item: r.item.trim(), asOf };
}
