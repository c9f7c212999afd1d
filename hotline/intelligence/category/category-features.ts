import type { Tokenizer } from '../../../text';
import { cleanAppealText } from '../text/clean-appeal-text';

export interface CategoryFeatureOptions {
  /** How many times a title feature counts against a body feature. */
  titleWeight: number;
  /** Lengths of the character n-grams taken from runs of Chinese characters. */
  characterNgrams: number[];
  /** Whether adjacent content words are also taken as a pair. */
  wordBigrams: boolean;
}

export interface CategoryFeatureInput {
  title?: string | null;
  content: string;
}

/** Feature name → weighted count in one appeal. */
export type FeatureCounts = Map<string, number>;

/** Numbers, dates, amounts and phone placeholders ("1.5", "0000-00000000"): no letter, no meaning. */
const withoutLetters = /^[^\p{L}]+$/u;
const notChinese = /[^\u4e00-\u9fff]+/gu;

/**
 * Words carry the meaning where jieba cuts well; character n-grams carry it where it does not (place
 * names, miswritten words, domain words missing from the dictionary) and keep the model stable when the
 * dictionary changes. Numbers alone say nothing about the category (dates, amounts, house numbers).
 */
export function createCategoryFeatureExtractor(tokenizer: Tokenizer, options: CategoryFeatureOptions) {
  const addPart = (counts: FeatureCounts, text: string, weight: number) => {
    const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const words = tokenizer.contentTokens(text).filter((word) => !withoutLetters.test(word));
    for (const word of words) add(`w:${word}`);
    if (options.wordBigrams) for (let index = 0; index + 1 < words.length; index += 1) add(`b:${words[index]}_${words[index + 1]}`);
    for (const run of text.split(notChinese)) {
      for (const length of options.characterNgrams) {
        for (let start = 0; start + length <= run.length; start += 1) add(`c:${run.slice(start, start + length)}`);
      }
    }
  };

  return (input: CategoryFeatureInput): FeatureCounts => {
    const counts: FeatureCounts = new Map();
    addPart(counts, cleanAppealText(input.content), 1);
    const title = cleanAppealText(input.title ?? '');
    if (title !== '') addPart(counts, title, options.titleWeight);
    return counts;
  };
}

export type CategoryFeatureExtractor = ReturnType<typeof createCategoryFeatureExtractor>;
