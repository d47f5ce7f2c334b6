// Personal data in the free text a clue quotes (a complaint, a transcript): phone and ID numbers are
// masked before the text enters a clue, which many roles read (个人信息保护法 第二十八条, 第五十一条).
// The SQL of the batch path masks the same way (maskTextSql in library/sql-fragments.ts).
import { DIGIT_MASK, DIGIT_RUN } from './library/sql-fragments.ts';

const RUN = new RegExp(DIGIT_RUN, 'g');

export function maskText(text: string): string {
  return text.replace(RUN, DIGIT_MASK);
}
