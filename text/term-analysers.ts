/**
 * The terms BM25 indexes. Chinese has no spaces and a question rarely segments the way the document
 * does ("公积金贷款" vs "公积金 / 贷款"), so each jieba word is indexed together with its overlapping
 * character pairs: whole-word matches score high, partial ones still count. Latin words and numbers stay whole.
 */
import { characterPairs } from './character-pairs';
import type { Tokenizer } from './tokenizer';

const hanPattern = /\p{Script=Han}/u;

export type TermAnalyser = (text: string) => string[];

/** Overlapping pairs of Han characters over the whole text (word boundaries ignored), Latin words whole. */
export const textCharacterPairs: TermAnalyser = (text) => {
  const terms: string[] = [];
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/\p{Script=Han}+|[a-z0-9]+(?:\.[0-9]+)?/gu) ?? []) {
    if (hanPattern.test(run)) terms.push(...characterPairs(run));
    else terms.push(run);
  }
  return terms;
};

/** jieba content words, and for each Han word of three or more characters its character pairs. */
export function createWordAndPairAnalyser(tokenizer: Tokenizer): TermAnalyser {
  return (text) => {
    const terms: string[] = [];
    for (const word of tokenizer.contentTokens(text)) {
      terms.push(word);
      if (hanPattern.test(word) && word.length >= 3) terms.push(...characterPairs(word));
    }
    return terms;
  };
}

/** Question words say what kind of answer is wanted, not what it is about; they only add noise to matching. */
const questionWords = /有哪些|哪些|是什么|什么|如何|怎么|怎样|为什么|是否|有何|多少|哪里|哪个|哪家|哪|吗|呢|请问/g;

export const stripQuestionWords = (question: string) => question.replace(questionWords, ' ');
