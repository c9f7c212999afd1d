/**
 * Learns which official words answer which everyday words from the 2,816 appeals paired with their official
 * replies (../shared/data/appeals/replied.jsonl, DESIGN.md §4): a citizen writes 噪音, 拆迁, 学位; the reply
 * (and the law) says 噪声, 征收, 入学. For each appeal word that the laws rarely use and each reply word that
 * the laws do use, the pointwise mutual information of their appearing in the same appeal–reply pair is
 * measured; the few best-associated official words of each everyday word are written to
 * text/appeal-associations.txt (the thesaurus' format), which retrieval adds to a question at a low weight.
 * The file is generated, reviewed in git and shipped: nothing is learned per query or at start.
 *
 *   node --import tsx scripts/retrieval/learn-appeal-associations.ts [<shared data folder>] [--print]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTokenizer } from '../../text/tokenizer';
import { readJsonLines, sharedDataDirectory } from '../appeal-intelligence/shared-data';

interface RepliedAppeal {
  title: string;
  content: string;
  reply: string;
}

/** An everyday word must occur in at least this many appeals, and with its official word in this many pairs. */
const minimumAppeals = 8;
/** An appeal word in more than this share of the appeals is the telling (于是, 希望, 严重), not a subject. */
const maximumAppealShare = 0.08;
const minimumPairs = 6;
/** Association strength: PMI (natural log) at least this (the pair occurs ≥ 7× more often than by chance). */
const minimumPmi = 2;
/** At most this share of law articles use the everyday word (else the laws already say it) … */
const maximumEverydayLawShare = 0.002;
/** … and the official word appears in at least this many law articles (else it does not help find one). */
const minimumOfficialArticles = 3;
/** … but in at most this share of them: 处理, 依法, 管理 say nothing about which law answers. */
const maximumOfficialLawShare = 0.02;
const perWord = 3;

const hanWord = /^\p{Script=Han}{2,6}$/u;
/** Words of time, degree and pleading that every kind of appeal uses: associated with whatever its replies say. */
const telling = new Set(
  '今天 昨天 明天 每天 当天 最近 近日 近期 至今 一直 经常 多次 非常 十分 特别 严重 希望 请求 恳请 强烈 领导 大家 感觉 觉得 于是 更是 可是 首先'.split(
    ' ',
  ),
);
/** Words of the replies' formulas (greetings, place codes, the reply's own bookkeeping), never a subject. */
const formula =
  /网友|留言|答复|回复|您好|感谢|支持|关注|反映|收悉|调查|核实|情况|工作|问题|相关|部门|单位|及时|进一步|积极|加强|有关|进行|联系|电话|咨询|监督|理解|信任|平台|栏目|书记|市长|区长|县长/u;

function countWords(texts: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const words of texts) for (const word of new Set(words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export function learnAssociations(shared: string) {
  const tokenizer = createTokenizer();
  const words = (text: string) =>
    tokenizer.contentTokens(text).filter((word) => hanWord.test(word) && !formula.test(word) && !telling.has(word));
  const pairs = readJsonLines<RepliedAppeal>(path.join(shared, 'appeals/replied.jsonl')).map((appeal) => ({
    appeal: new Set(words(`${appeal.title} ${appeal.content}`)),
    reply: new Set(words(appeal.reply)),
  }));
  // Law articles: a paragraph starting with 第N条 (the laws' Markdown has one article a paragraph).
  const articles: Set<string>[] = [];
  const lawDirectory = path.join(shared, 'knowledge/laws');
  for (const file of fs.readdirSync(lawDirectory).filter((name) => name.endsWith('.md'))) {
    for (const article of fs.readFileSync(path.join(lawDirectory, file), 'utf8').split(/\n(?=\s*第[一二三四五六七八九十百千零〇]+条)/u)) {
      articles.push(new Set(words(article)));
    }
  }
  const inArticles = countWords(articles.map((set) => [...set]));
  const inAppeals = countWords(pairs.map((pair) => [...pair.appeal]));
  const inReplies = countWords(pairs.map((pair) => [...pair.reply]));
  const together = new Map<string, Map<string, number>>();
  for (const pair of pairs) {
    for (const everyday of pair.appeal) {
      const appealCount = inAppeals.get(everyday) ?? 0;
      if (appealCount < minimumAppeals || appealCount > maximumAppealShare * pairs.length) continue;
      if ((inArticles.get(everyday) ?? 0) > maximumEverydayLawShare * articles.length) continue;
      let row = together.get(everyday);
      if (!row) together.set(everyday, (row = new Map()));
      for (const official of pair.reply) {
        const articleCount = inArticles.get(official) ?? 0;
        if (official === everyday || articleCount < minimumOfficialArticles || articleCount > maximumOfficialLawShare * articles.length)
          continue;
        row.set(official, (row.get(official) ?? 0) + 1);
      }
    }
  }
  const total = pairs.length;
  const entries: { everyday: string; official: { word: string; pmi: number; pairs: number }[] }[] = [];
  for (const [everyday, row] of [...together].sort(([left], [right]) => (left < right ? -1 : 1))) {
    const official = [...row]
      .filter(([, count]) => count >= minimumPairs)
      .map(([word, count]) => ({ word, pairs: count, pmi: Math.log((total * count) / (inAppeals.get(everyday)! * inReplies.get(word)!)) }))
      .filter((candidate) => candidate.pmi >= minimumPmi && !everyday.includes(candidate.word) && !candidate.word.includes(everyday))
      // Strength weighted by evidence: a strong association seen in five pairs is chance more often than one seen in fifty.
      .sort((left, right) => right.pmi * Math.log(right.pairs) - left.pmi * Math.log(left.pairs))
      .slice(0, perWord);
    if (official.length > 0) entries.push({ everyday, official });
  }
  return { entries, pairs: total, articles: articles.length };
}

function main(argv: string[]) {
  const shared = sharedDataDirectory(argv.find((argument) => !argument.startsWith('--')));
  const { entries, pairs, articles } = learnAssociations(shared);
  const lines = [
    '# Generated by scripts/retrieval/learn-appeal-associations.ts from ../shared/data/appeals/replied.jsonl (2020 泰迪杯',
    `# problem C: ${pairs} citizens' appeals with their official replies) and the ${articles} articles of ../shared/data/knowledge/laws.`,
    '# An everyday word of the appeals (rare in the laws) => the official words of the replies (used in the laws) most',
    '# associated with it (PMI over appeal–reply pairs). Do not edit by hand: run the script again.',
    ...entries.map(({ everyday, official }) => `${everyday} => ${official.map((candidate) => candidate.word).join(' ')}`),
  ];
  if (argv.includes('--print')) {
    for (const { everyday, official } of entries) {
      process.stdout.write(
        `${everyday} => ${official.map((candidate) => `${candidate.word}(${candidate.pmi.toFixed(2)},${candidate.pairs})`).join(' ')}\n`,
      );
    }
    return;
  }
  fs.writeFileSync(path.join(__dirname, '../../text/appeal-associations.txt'), `${lines.join('\n')}\n`);
  process.stdout.write(`${entries.length} everyday words associated with official words, written to text/appeal-associations.txt\n`);
}

if (require.main === module) main(process.argv.slice(2));
