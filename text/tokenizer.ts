import fs from 'node:fs';
import path from 'node:path';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';

const domainTermsFile = path.join(__dirname, 'domain-terms.txt');

/** Characters that never make a useful token: punctuation, symbols and spaces of both widths. */
const noisePattern = /^[\s\p{P}\p{S}]+$/u;

/** Function words too common in questions and appeals to tell documents apart. */
const stopWords = new Set(
  (
    '的 了 和 是 就 都 而 及 与 着 或 一个 没有 我们 你们 他们 她们 它们 我 你 他 她 它 在 有 这 那 之 也 被 把 让 给 对 向 从 为 以 于 上 下 中 ' +
    '吗 呢 吧 啊 呀 么 什么 怎么 怎样 如何 哪些 哪个 为什么 是否 可以 能否 能 会 要 需要 请问 请 您好 你好 谢谢 一下 这个 那个 这些 那些 ' +
    '还 又 再 并 但 但是 如果 因为 所以 已经 目前 现在 相关 有关 进行 问题 情况 等'
  ).split(' '),
);

export interface Tokenizer {
  /** jieba words with punctuation removed, lower-cased (the form BM25 and classifiers index). */
  tokens(text: string): string[];
  /** `tokens` without stop words. */
  contentTokens(text: string): string[];
  /** TF-IDF keywords, best first. */
  keywords(text: string, count: number): string[];
}

export function readDomainTerms(file = domainTermsFile): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * jieba with its default dictionary extended by the domain's terms (unit names, 公积金, 低保…), so that
 * "住房公积金" stays one token instead of "住房" + "公积金". Building one costs ~0.3 s: build it once
 * in the composition root and pass it along.
 */
export function createTokenizer(extraTerms: string[] = []): Tokenizer {
  const jieba = Jieba.withDict(dict);
  const terms = [...readDomainTerms(), ...extraTerms];
  // A high frequency makes jieba prefer the whole term over its parts.
  jieba.loadDict(Buffer.from(terms.map((term) => `${term.replace(/\s+/g, '')} 100000 n`).join('\n')));
  const tfIdf = TfIdf.withDict(idf);

  const tokens = (text: string) =>
    jieba
      .cut(text.normalize('NFKC'), true)
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token !== '' && !noisePattern.test(token));

  return {
    tokens,
    contentTokens: (text) => tokens(text).filter((token) => !stopWords.has(token)),
    keywords: (text, count) =>
      tfIdf
        .extractKeywords(jieba, text.normalize('NFKC'), count + 5)
        .map((entry) => entry.keyword)
        .filter((keyword) => !stopWords.has(keyword) && !/^\d+$/.test(keyword))
        .slice(0, count),
  };
}
