// The notice an officer prints and shows at the door (检查告知单, A6): what the task is, its code in
// letters and as a QR code that opens the public verify page (/verify/{code}) on the enterprise's phone.
import QRCode from 'qrcode';
import type { Caller } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { describeTask, getTaskRow, type TaskDescription } from './tasks.ts';
import { RATING_DAYS } from './verify.ts';

export interface TaskNotice {
  task: TaskDescription;
  verifyUrl: string;
  /** The QR code of verifyUrl as an SVG document. */
  qrSvg: string;
  ratingDays: number;
}

/** The public address of a code: KEDU_PUBLIC_URL (as the enterprise's phone reaches the server), else the request's origin. */
export const verifyUrl = (origin: string, code: string): string =>
  `${(process.env.KEDU_PUBLIC_URL || origin).replace(/\/+$/, '')}/verify/${code}`;

export async function taskNotice(store: Store, caller: Caller, id: string, origin: string): Promise<TaskNotice> {
  const task = await describeTask(store, await getTaskRow(store, caller, id));
  const url = verifyUrl(origin, task.code);
  // Level M (15 % of the code may be damaged) on a printed A6 sheet; 1 module of quiet zone, the sheet is white.
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { task, verifyUrl: url, qrSvg, ratingDays: RATING_DAYS };
}
