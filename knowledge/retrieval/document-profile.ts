/**
 * What a document is as a whole, read once when it is indexed: whether it is a time-bound notice (written for a
 * period such as the epidemic, with its dates) rather than a standing rule. (The words of its title and chapter
 * headings as a subject prior were measured too: public +1 question, policy questions −1, held-out sets
 * unchanged; left out.)
 */
export interface DocumentProfile {
  timeBound: boolean;
}

/**
 * Words that tie a text to one period: an epidemic, its prevention measures, the return to work after it, a
 * stated year. A standing law names none of them in its articles.
 */
const periodWords = /疫情|新冠|肺炎|防控期间|疫情期间|复工|复产|停工期间|202\d年/gu;

/** A document whose text names its period this often (per 1,000 characters, at least twice) is time-bound. */
const periodMentionsPerThousand = 1;

export function profileDocument(chunks: { text: string }[]): DocumentProfile {
  let length = 0;
  let mentions = 0;
  for (const chunk of chunks) {
    length += chunk.text.length;
    mentions += chunk.text.match(periodWords)?.length ?? 0;
  }
  return { timeBound: mentions >= 2 && (mentions * 1000) / Math.max(1, length) >= periodMentionsPerThousand };
}

/**
 * Places and issuing authorities: a standing national law is not about 湖北省 or 天津市城市管理委员会, a notice
 * is. Cities are "X市" except the everyday words that end in 市 (超市, 菜市场, 城市…).
 */
const placeOrAuthority =
  /[\p{Script=Han}]{2}省|自治区|自治州|北京|天津|上海|重庆|湖北|武汉|中央|国务院|总局|委员会|[部厅]长|(?<![超城菜夜股门闹都集上])市(?![场民容政值面])/u;

/**
 * A question that names a period (疫情期间, 复工, 2020年), a place or an issuing authority may well be asking about
 * a time-bound notice; any other question is about the standing rules first.
 */
export const asksAboutPeriodOrPlace = (question: string) =>
  new RegExp(periodWords.source, 'u').test(question) || placeOrAuthority.test(question);
