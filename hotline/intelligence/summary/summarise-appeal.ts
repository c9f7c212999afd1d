import type { Tokenizer } from '../../../text';
import { cleanAppealText } from '../text/clean-appeal-text';
import { splitClauses, splitSentences, withoutEndMarks } from '../../../text';
import { isFormality, withoutLeadingGreeting } from './letter-formalities';

export const maximumSummaryLength = 60;

/** The writer's own label in front of a title ("投诉…", "关于…的反映") is not part of the matter. */
const titleLabel = /^(关于|再次|强烈|实名|我想|想)*(投诉|举报|反映|咨询|求助|建议|呼吁|控告|请问|询问|请求|恳请)?(一下)?[，,：:]?(关于)?/u;
const titleTail = /(的)?(反映|投诉|举报|咨询|请求|建议|求助)?[！!。.？?\s]*$/u;

/** Who writes: "我是…的业主" names the people concerned, which the problem alone often does not. */
const writerPattern =
  /^(我|我们|本人)(是|系|为)?(.{2,24}?(业主|居民|村民|家长|学生|教师|老师|职工|员工|农民工|患者|市民|租户|商户|群众|住户|司机))/u;

/** What the writer asks for. */
const requestPattern = /(希望|请求|恳请|恳求|要求|请|望|盼|建议|呼吁|敦促|督促)/u;
const actionPattern =
  /(解决|处理|查处|整改|整治|赔偿|退还|退回|回复|答复|落实|取缔|拆除|制止|修|开通|安装|增设|调查|核实|管|解释|给予|补发|办理|恢复|停止)/u;
/** Questions that ask for information; "是否…吗" in a complaint is mostly rhetorical and does not count. */
const questionPattern = /(请问|如何|怎么办|怎样|能否|可否|何时|什么时候|哪些|需要什么|多少|哪里|哪个部门)/u;
const rhetoricalPattern = /(难道|凭什么|为什么|为何|怎么能|竟然|居然|也不管|干什么)/u;
/** Polite padding in front of a request that can go without changing it. */
const requestPadding = /^(在此|特此|现|故|因此|所以|为此|我们|我|本人|真诚地?|诚恳地?|强烈)+/u;

const placePattern = /(省|市|区|县|镇|乡|村|街道|社区|小区|路|街|大道|学校|小学|中学|幼儿园|医院|公司|花园|家园|广场)/u;

export interface SummaryInput {
  title?: string | null;
  content: string;
}

function trimToLength(text: string, length: number): string {
  if (text.length <= length) return text;
  // Cut at the last pause inside the limit when there is one not too far back, else at the limit.
  const slice = text.slice(0, length - 1);
  const pause = Math.max(slice.lastIndexOf('、'), slice.lastIndexOf('的'), slice.lastIndexOf(' '));
  return `${pause >= length / 2 ? slice.slice(0, pause) : slice}…`;
}

/** Keeps the clauses that carry most of the keywords, in their order, within the length. */
function compressSentence(sentence: string, keywords: readonly string[], length: number): string {
  const clauses = splitClauses(sentence);
  if (sentence.length <= length) return sentence;
  const ranked = clauses
    .map((clause, index) => ({
      clause,
      index,
      weight: keywords.filter((keyword) => clause.includes(keyword)).length + (index === 0 ? 0.5 : 0),
    }))
    .sort((left, right) => right.weight - left.weight || left.index - right.index);
  const kept: typeof ranked = [];
  let used = 0;
  for (const entry of ranked) {
    if (used + entry.clause.length + (kept.length > 0 ? 1 : 0) > length) continue;
    kept.push(entry);
    used += entry.clause.length + (kept.length > 1 ? 1 : 0);
  }
  if (kept.length === 0) return trimToLength(clauses[0] ?? sentence, length);
  return kept
    .sort((left, right) => left.index - right.index)
    .map((entry) => entry.clause)
    .join('，');
}

/**
 * One sentence of at most 60 characters: who or where, the problem, the request. Only words of the
 * appeal are used: the title (without the writer's label) or the body sentence that carries the most
 * keywords states the problem; the clause that asks for something states the request; clauses are
 * joined with a comma. Nothing is paraphrased, so nothing can be invented.
 */
export function createAppealSummariser(deps: { tokenizer: Tokenizer }) {
  const { tokenizer } = deps;

  return (input: SummaryInput): string => {
    const content = cleanAppealText(input.content);
    const title = cleanAppealText(input.title ?? '')
      .replace(titleLabel, '')
      .replace(titleTail, '')
      .replace(/^[！!，,：:。\s]+/u, '')
      .trim();
    const sentences = splitSentences(content)
      .map(withoutEndMarks)
      .map(withoutLeadingGreeting)
      .filter((sentence) => sentence !== '' && !isFormality(sentence));
    if (sentences.length === 0 && title === '') return trimToLength(content, maximumSummaryLength);
    const keywords = tokenizer.keywords(`${title}\n${content}`, 8);

    const requestClause = findRequest(sentences, title);
    const requestBudget = requestClause ? Math.min(requestClause.length + 1, 24) : 0;

    let problem: string;
    if (title.length >= 6) {
      problem = title;
    } else {
      const best = sentences
        .slice(0, 6)
        .map((sentence, index) => ({
          sentence,
          score:
            keywords.reduce((sum, keyword, rank) => sum + (sentence.includes(keyword) ? 1 - rank / 16 : 0), 0) +
            (placePattern.test(sentence) ? 0.5 : 0) -
            index * 0.4,
        }))
        .sort((left, right) => right.score - left.score)[0];
      problem = best ? best.sentence : title;
      const writer = writerPattern.exec(sentences[0] ?? '');
      if (writer && !problem.includes(writer[3]) && writer[3].length <= 20) problem = `${writer[3]}，${problem}`;
    }
    problem = compressSentence(problem, keywords, maximumSummaryLength - requestBudget);
    const request =
      requestClause && !problem.includes(requestClause) ? trimToLength(requestClause, maximumSummaryLength - problem.length - 1) : '';
    return request.length >= 4 ? `${problem}，${request}` : trimToLength(problem, maximumSummaryLength);
  };
}

/**
 * The clause that asks for something: a request word with an action, or a question. Later clauses win
 * (letters end with what they want), shorter ones too (they fit).
 */
function findRequest(sentences: readonly string[], title: string): string | null {
  let best: { clause: string; score: number } | null = null;
  sentences.forEach((sentence, sentenceIndex) => {
    for (const rawClause of splitClauses(sentence)) {
      const clause = rawClause.replace(requestPadding, '').trim();
      if (clause.length < 4 || clause.length > 40 || isFormality(clause) || title.includes(clause)) continue;
      const asks = requestPattern.test(clause) && actionPattern.test(clause);
      const questions = questionPattern.test(clause) && !rhetoricalPattern.test(clause) && clause.replace(questionPattern, '').length >= 6;
      if (!asks && !questions) continue;
      const score = (asks ? 2 : 1) + sentenceIndex / Math.max(sentences.length, 1) - clause.length / 80;
      if (!best || score > best.score) best = { clause, score };
    }
  });
  return best === null ? null : (best as { clause: string }).clause;
}
