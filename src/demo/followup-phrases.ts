// What enterprises say in the demo's follow-up calls: everyday answers (praise, indifference, denied
// complaints, chatter) and the planted ones — a serious complaint, a count of visits the records do
// not hold, "nobody came", a fine on a case that ended in a warning. Written apart from the labelled
// evaluation set (data/followup/eval/), which the analysis is measured on.

/** The interviewer's open questions of a call about each kind of record (no names or dates: the analysis of a pool's text is computed once; no yes-or-no question about a complaint, which a bare 没有 would answer). */
export const ASK = {
  inspection: ['回访员：上次检查的情况怎么样？有没有影响您正常经营？', '回访员：您对上次检查有什么评价？'],
  case: ['回访员：办案过程中执法人员是否规范文明？', '回访员：您对这次处罚的办理有什么意见？'],
  service_visit: ['回访员：上次的上门服务主要是什么内容？', '回访员：上门服务对您有没有帮助？'],
} as const;

export const OPENING = '回访员：您好，这里是司法局行政执法监督回访，请问是贵单位负责人吗？企业：是的，你说。';

/** Everyday answers, by kind of record; none of them complains or claims a count. */
export const EVERYDAY = {
  inspection: [
    '企业：出示了，两个人来的，证件都给我们看了，挺规范。',
    '企业：还行吧，看了看消防通道和台账，十几分钟就走了。',
    '企业：没有乱收费，也没有为难我们，蛮好的。',
    '企业：挺客气的，指出了两个小问题，我们当场就改了。',
    '企业：哎你稍等，我这边在收银……好了，检查挺好的，没什么意见。',
    '企业：一般般吧，就是例行检查，也说不上什么。',
    '企业：没有影响经营，他们挑的是下午人少的时候来的。',
    '企业：检查人员很专业，讲的我们都听得懂，满意。',
    '企业：不存在吃拿卡要的情况，这个可以放心。',
    '企业：扫了码的，亮码检查，手机上也能查到记录，挺透明。',
  ],
  case: [
    '企业：告知了的，还给了告知书，我们也申辩了。',
    '企业：执法人员讲道理的，问题是我们自己的，认了。',
    '企业：挺规范的，没有态度不好，也没有为难我们。',
    '企业：还可以吧，流程走得挺快的。',
    '企业：不存在吃拿卡要，都是按规矩来的。',
    '企业：蛮好，他们还告诉我们以后怎么避免，学到了。',
  ],
  service_visit: [
    '企业：属实，主要是政策宣讲和合规指导，没有检查我们。',
    '企业：帮我们解读了惠企政策，还给了些合规建议，挺有帮助。',
    '企业：讲了新出的规定，没查我们什么东西，蛮好。',
    '企业：还行，讲的内容我们用得上一部分。',
    '企业：服务很到位，帮我们把年报的事情弄清楚了，谢谢你们。',
  ],
} as const;

/** A case's outcome as the enterprise says it: the fine in yuan, or nothing about money. */
export const caseOutcome = (decision: string | null, fine: number | null): string | null =>
  decision === 'fine' && fine
    ? `企业：罚了${fine}块，我们认，确实是我们没注意。`
    : decision === 'warning'
      ? '企业：给了个警告，我们以后会注意的。'
      : null;

/** Planted: serious complaints (吃拿卡要, 态度粗暴, 未出示证件, 未告知权利, 程序不规范), none of them naming a fine. */
export const COMPLAINTS = {
  inspection: [
    '企业：来了两个人，也没亮证，我问是哪个单位的，他们说你管那么多干嘛。',
    '企业：态度很差，一进门就大声训我们，当着客人的面，生意都没法做。',
    '企业：检查完说我们问题可大可小，暗示要表示一下，我们不敢不给。',
    '企业：检查记录是他们自己填的，填完叫我签字，内容都没给我看。',
    '企业：就一个人来的，另一个说在车里等着，笔录上却签了两个人的名字。',
  ],
  case: [
    '企业：根本没告诉我们可以申辩，直接叫我们签字。',
    '企业：办案的人说话很冲，还说再啰嗦就加重处理，这不是威胁吗。',
    '企业：处理决定到现在都没收到，就让我们先签字。',
    '企业：他们让我们去指定的公司做整改，不去就不给过。',
  ],
  service_visit: ['企业：那个人态度恶劣，讲话带脏字，我们员工都吓到了。', '企业：来的人没出示证件，穿着便服，我们都不知道是真是假。'],
} as const;

/** Planted: inspected far more often than the records hold, in the month of the answer. */
export const MANY_VISITS = [
  '企业：这个月都来了六七趟了，今天这个局明天那个局，店还开不开了。',
  '企业：这个月被查了八次了，每次都是一样的东西。',
  '企业：本月前前后后来了七回，烦都烦死了。',
];

/** Planted: nobody came, though an inspection is recorded. */
export const NOBODY_CAME = ['企业：根本没人来过啊，你们是不是搞错了？', '企业：没有人来检查过，我天天在店里，没见过你们的人。'];

/** Planted: fined, though the case ended in a warning or no penalty. */
export const FINED_ANYWAY = (amount: number): string[] => [
  `企业：罚了我们${amount}块钱，说实话有点多。`,
  `企业：交了${amount}元罚款，单子我们都留着。`,
];

/** The respondent's closing words, by the score they give. */
export const CLOSING: Record<number, string> = {
  1: '回访员：您对这次执法总体是否满意？企业：很不满意。',
  2: '回访员：您对这次执法总体是否满意？企业：不太满意。',
  3: '回访员：您对这次执法总体是否满意？企业：一般吧。',
  4: '回访员：您对这次执法总体是否满意？企业：比较满意。',
  5: '回访员：您对这次执法总体是否满意？企业：非常满意。',
};

/** A human second call confirms what the AI call heard. */
export const SECOND_CALL = '回访员：您好，这里是司法局人工复核，核实一下前几天的电话回访。企业：对，是我们说的，情况属实。';
