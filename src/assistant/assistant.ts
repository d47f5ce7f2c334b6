// The assistant's pipeline: normalise → split into questions → read the slots → recognise the intents
// (with the conversation's context for follow-ups) → plan and run → phrase. One message gives one
// answer per question; the conversation state it returns carries what the next message may lean on
// ("那宁波呢?", "按月看", "只看市场监管", "会受到哪些处罚?").
import { normalizeQuestion } from './normalize.ts';
import { splitQuestions } from './split.ts';
import { readQuestion, type Reading } from './read.ts';
import { examples, hasLawCue, recognise, type IntentKey } from './intents.ts';
import { emptyAnswer, type Answer } from './answer.ts';
import type { AskContext } from './context.ts';
import { dataAnswers, emptyFrame, type DataFrame } from './data.ts';
import {
  articleAnswer,
  exemptionAnswer,
  itemsAnswer,
  itemsFor,
  penaltyAnswer,
  procedureAnswer,
  procedureTopic,
  searchAnswer,
  violationAnswer,
} from './law.ts';
import { clueAnswer, exemptionListAnswer, modelAnswer, modelsFor } from './platform.ts';
import { dimensionByKey } from './dimensions.ts';
import { answerViaModel } from './model-endpoint.ts';
import { navigatorAnswer } from './navigator.ts';

/** What a conversation remembers between questions. */
export interface ConversationState {
  data: DataFrame | null;
  law: { items: string[]; words: string[]; articles: { regulation_id: string; article: number }[]; intents: IntentKey[] } | null;
  regulation: string | null;
  models: string[] | null;
}

export const EMPTY_STATE: ConversationState = { data: null, law: null, regulation: null, models: null };

const FOLLOW_UP = /^(那|那么|换成|改成|再看|只看|仅看|看看|按)|呢$/;

function unsupported(question: string): Answer {
  const a = emptyAnswer(question, 'unsupported', 'unsupported');
  a.text = '抱歉，这个问题超出了我能回答的范围（我只回答执法相关的法律规定、本辖区的执法数据和平台功能）。可以这样问：';
  a.examples = examples();
  return a;
}

function frameFrom(r: Reading, prev: DataFrame | null, followUp: boolean): DataFrame {
  const base: DataFrame = followUp && prev ? prev : emptyFrame();
  const newTimeGroup = r.group && dimensionByKey(r.group).patterns && ['month', 'quarter', 'year'].includes(r.group);
  return {
    measures: r.measures.length ? r.measures.map((m) => m.key) : base.measures,
    regions: r.regions.length ? r.regions.map((x) => x.code) : base.regions,
    corrected: r.regions.length ? r.regions.filter((x) => x.fuzzy).map((x) => [x.text, x.code]) : [],
    period: r.period ?? base.period,
    comparison: r.comparison ?? (r.period ? null : base.comparison),
    lines: r.lines.length ? r.lines : r.agencies.length ? [] : base.lines,
    agencies: r.agencies.length ? r.agencies : r.lines.length ? [] : base.agencies,
    items: r.items.length ? r.items : base.items,
    entityNames: r.entityNames.length ? r.entityNames : base.entityNames,
    officerNames: r.officerNames.length ? r.officerNames : base.officerNames,
    qualifierWords: r.qualifierWords.length ? r.qualifierWords : r.measures.length ? [] : base.qualifierWords,
    model: r.model ?? base.model,
    group: r.group ?? base.group,
    limit: r.limit ?? (newTimeGroup ? null : base.limit),
    order: r.order ?? (newTimeGroup ? null : base.order),
    share: r.share || (!r.measures.length && base.share),
  };
}

async function answerOne(
  ctx: AskContext,
  question: string,
  state: ConversationState,
): Promise<{ answers: Answer[]; state: ConversationState }> {
  const r = readQuestion(question, ctx.lex, ctx.asOf);
  const followUp = FOLLOW_UP.test(question);
  let intents = recognise(r, !!state.law?.items.length);
  // A follow-up that only changes a slot of the last data question ("那宁波呢?", "按月看", "只看市场监管", "去年呢").
  const modifiesData =
    (followUp || r.rest.length <= 2) &&
    !r.measures.length &&
    !r.items.length &&
    !r.regulation &&
    !!(
      r.regions.length ||
      r.period ||
      r.comparison ||
      r.lines.length ||
      r.agencies.length ||
      r.group ||
      r.limit ||
      r.share ||
      r.entityNames.length ||
      r.officerNames.length
    );
  if (
    state.data &&
    (intents.length === 0 || (followUp && intents.every((i) => i === 'data.query' || i === 'law.items'))) &&
    (modifiesData || (followUp && r.measures.length))
  ) {
    intents = ['data.query'];
  }
  // A follow-up that names another act for the last law question ("那占道经营呢?").
  if (state.law && r.items.length && followUp && !hasLawCue(question) && !r.measures.length) intents = state.law.intents;
  // 依据哪一条? after a question about a model: the same model.
  if (!intents.length && state.models?.length && /依据|哪一?条|参数|阈值|怎么判断|什么意思|原理|查什么/.test(question))
    intents = ['platform.model'];
  // 第三十四条呢: the regulation of the last article question.
  if (!intents.length && r.regulation && !r.regulation.id && state.regulation) intents = ['law.article'];

  const answers: Answer[] = [];
  let next: ConversationState = state;
  const lawIntents: IntentKey[] = intents.filter((i) => i === 'law.violation' || i === 'law.penalty' || i === 'law.exemption');
  if (lawIntents.length) {
    const own = itemsFor(ctx, r.items, question);
    const fromContext = !own.length && state.law ? state.law : null;
    const items = own.length ? own : (fromContext?.items ?? []);
    const words = own.length ? r.itemWords : (fromContext?.words ?? []);
    const articles = own.length ? r.synonymArticles : (fromContext?.articles ?? []);
    if (!items.length) answers.push(unsupported(question));
    else {
      for (const intent of lawIntents) {
        if (intent === 'law.violation') answers.push(violationAnswer(ctx, question, items, articles, words));
        if (intent === 'law.penalty') answers.push(await penaltyAnswer(ctx, question, items, articles));
        if (intent === 'law.exemption') answers.push(await exemptionAnswer(ctx, question, items));
      }
      next = { ...next, law: { items, words, articles, intents: lawIntents } };
    }
  }
  for (const intent of intents.filter((i) => !lawIntents.includes(i))) {
    switch (intent) {
      case 'law.article': {
        const ref =
          r.regulation && !r.regulation.id && !r.regulation.name && state.regulation
            ? { ...r.regulation, id: state.regulation, name: ctx.lex.regulations.get(state.regulation)!.title }
            : r.regulation!;
        answers.push(articleAnswer(ctx, question, ref));
        if (ref.id) next = { ...next, regulation: ref.id };
        break;
      }
      case 'law.items': {
        const agency = r.agencies.length ? ctx.lex.agencies.get(r.agencies[0]) : undefined;
        answers.push(itemsAnswer(ctx, question, agency ? [agency.line_code] : r.lines, agency?.name ?? null));
        break;
      }
      case 'law.procedure':
        answers.push(procedureAnswer(ctx, question, procedureTopic(question)!, itemsFor(ctx, r.items, question, ['licence'])));
        break;
      case 'law.search': {
        const s = searchAnswer(ctx, question);
        answers.push(s ?? unsupported(question));
        break;
      }
      case 'data.query': {
        const frame = frameFrom(r, state.data, !r.measures.length || followUp);
        // 这类案件: the act of the question before.
        if (!r.items.length && state.law && /这类|这种|该类|此类|这个行为|该行为|上述/.test(question)) frame.items = state.law.items;
        answers.push(...(await dataAnswers(ctx, question, frame)));
        next = { ...next, data: frame };
        break;
      }
      case 'platform.model': {
        const all = /有哪些|多少个|几个|列表|清单|全部/.test(question) && !r.model;
        const codes = all ? [] : /模型/.test(question) || !state.models ? modelsFor(ctx, r.model, question) : state.models;
        answers.push(modelAnswer(ctx, question, codes));
        if (codes.length) next = { ...next, models: codes };
        break;
      }
      case 'platform.clue':
        answers.push(await clueAnswer(ctx, question, r.clueId!));
        break;
      case 'platform.exemption_list':
        answers.push(await exemptionListAnswer(ctx, question));
        break;
      case 'navigator.assess': {
        const items = itemsFor(ctx, r.items, question);
        answers.push(await navigatorAnswer(ctx, question, r, items));
        if (items.length) next = { ...next, law: { items, words: r.itemWords, articles: r.synonymArticles, intents: ['law.penalty'] } };
        break;
      }
    }
  }
  if (!answers.length) answers.push(unsupported(question));
  return { answers, state: next };
}

/**
 * Answers every question of a message, in order; each question may lean on the ones before it. A
 * question the offline pipeline cannot understand goes to the model endpoint, when one is configured.
 */
export async function answerMessage(
  ctx: AskContext,
  message: string,
  state: ConversationState = EMPTY_STATE,
): Promise<{ answers: Answer[]; state: ConversationState; viaModel: boolean }> {
  const questions = splitQuestions(normalizeQuestion(message));
  const answers: Answer[] = [];
  let current = state;
  let viaModel = false;
  for (const q of questions.length ? questions : [normalizeQuestion(message)]) {
    const r = await answerOne(ctx, q, current);
    for (const a of r.answers) {
      if (a.kind !== 'unsupported' || !ctx.endpoint) {
        answers.push(a);
        continue;
      }
      try {
        const m = await answerViaModel(ctx, ctx.endpoint, q);
        viaModel = true;
        answers.push(m ?? a);
      } catch (e) {
        a.notes.push(`模型服务暂不可用（${(e as Error).message}），仅给出离线回答。`);
        answers.push(a);
      }
    }
    current = r.state;
  }
  return { answers, state: current, viaModel };
}
