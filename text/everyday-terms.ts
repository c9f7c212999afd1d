/**
 * The everyday → official thesaurus (text/everyday-terms.txt): citizens write 失业金, 炒掉物业, 老板不给钱;
 * the laws say 失业保险金, 解聘物业服务企业, 拖欠劳动报酬. The official terms of every everyday form found in
 * a question are added to what retrieval looks for (DESIGN.md §4).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ThesaurusEntry {
  everyday: string[];
  official: string[];
}

const everydayTermsFile = path.join(__dirname, 'everyday-terms.txt');

export function readEverydayTerms(file = everydayTermsFile): ThesaurusEntry[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && line.includes('=>'))
    .map((line) => {
      const [left, right] = line.split('=>');
      return {
        everyday: left!
          .split('|')
          .map((form) => form.trim().toLowerCase())
          .filter((form) => form !== ''),
        official: right!
          .trim()
          .split(/\s+/)
          .filter((term) => term !== ''),
      };
    });
}

export type Thesaurus = (text: string) => string[];

/**
 * Aspect particles and softeners people put inside a phrase (欠了工资, 扣着身份证, 问一下): the everyday forms are
 * also looked for in the text without them, so that 欠了工资 finds 欠工资.
 */
const particles = /[了着的]|一下|一点/gu;

/**
 * The official terms for a text: everyday forms are matched as substrings, the longest first, each place in
 * the text used by one form only (物业费 is not also 物业), in the text as written and in the text without
 * particles, and their terms returned once each, in entry order.
 */
export function createThesaurus(entries: ThesaurusEntry[] = readEverydayTerms()): Thesaurus {
  // A form several entries list stands for all of them (the file is written in parts, by subject and by law).
  const byForm = new Map<string, number[]>();
  entries.forEach((entry, index) => entry.everyday.forEach((form) => byForm.set(form, [...(byForm.get(form) ?? []), index])));
  const forms = [...byForm].map(([form, indexes]) => ({ form, indexes })).sort((left, right) => right.form.length - left.form.length);
  const matchInto = (text: string, matched: Set<number>) => {
    const used = new Array<boolean>(text.length).fill(false);
    for (const { form, indexes } of forms) {
      let start = text.indexOf(form);
      while (start >= 0) {
        const end = start + form.length;
        if (!used.slice(start, end).some(Boolean)) {
          used.fill(true, start, end);
          for (const index of indexes) matched.add(index);
        }
        start = text.indexOf(form, start + 1);
      }
    }
  };
  return (text) => {
    const lower = text.normalize('NFKC').toLowerCase();
    const matched = new Set<number>();
    matchInto(lower, matched);
    const plain = lower.replace(particles, '');
    if (plain !== lower) matchInto(plain, matched);
    const terms = new Set<string>();
    for (const index of [...matched].sort((left, right) => left - right)) for (const term of entries[index]!.official) terms.add(term);
    return [...terms];
  };
}

/**
 * Words that carry the situation's telling, not its subject (我们, 现在, 能不能, 怎么办…): left out of what is
 * matched so that the pairs they form with their neighbours do not count as the question's words.
 */
const fillers =
  /我们|俺们|咱们|我家|俺家|咱家|我爸|我妈|我的|我想|想问|问一下|请问|一下|现在|最近|能不能|可不可以|可以吗|是不是|有没有|怎么办|咋办|怎么弄|应该|需要|这种|这个|那个|情况|的话|之类|还能|还要|得多少|多久|多长时间|多少钱|什么时候|几个月|几天|我|俺|咱|你|他|她|咋|啥|吗|呢|吧|啊|呀|了|的|得|都|还|就|要|想|能|会|该|把|被|给|让/g;

export const withoutFillers = (text: string) => text.replace(fillers, ' ');
