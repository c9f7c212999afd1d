import { characterPairs, splitClauses, splitSentences, withoutEndMarks } from '../../../text';
import { cleanAppealText } from '../text/clean-appeal-text';

/** An appeal of a topic, the most typical of the topic first. */
export interface TopicMember {
  title?: string | null;
  content: string;
}

/**
 * The words of a summary that are ours, not the appeals': they frame what the appeals say. Everything else in
 * a summary is a verbatim piece of one of the topic's appeals (a test checks this over three units).
 */
export const topicSummaryFrameWords = ['反映较多的是', '市民希望', '涉及', '件', '等地'] as const;

/** A writer's label in front of a title ("投诉…", "关于…的问题") names the kind of letter, not the matter. */
const titleLabel =
  /^(关于|再次|强烈|实名|紧急|我想|想|请求|恳请|希望)*(投诉|举报|反映|咨询|求助|建议|呼吁|询问|请问)?(一下)?(关于)?[，,：:\s]*/u;
const titleTail = /(的)?(反映|投诉|举报|咨询|请求|建议|求助)?[！!。.？?\s]*$/u;

/** A request word, what follows it being the demand (kept only when it names an action). */
const requestCue = /(?:希望|要求|请求|恳请|恳求|盼望|呼吁|强烈要求)/gu;
/** Who the request is addressed to: left out so the demand reads on from "市民希望". */
const addressee =
  /^(?:各级|市|县|区)?(?:政府|相关部门|有关部门|相关单位|有关单位|职能部门|部门|领导|贵单位|贵部门|上级)*(?:能够|能|可以|尽早|给予)?/u;
const actionWord =
  /(解决|处理|查处|整改|整治|赔偿|退还|退回|落实|取缔|拆除|制止|维修|修复|修好|开通|安装|增设|调查|核实|监管|管理|给予|补发|办理|恢复|停止|更换|清理|督促|协调|公开|交房|办证|退费|禁止)/u;

/** A named place: an optional anonymised county code (A7县, L市), a name, then what kind of place it is. */
const placePattern =
  /(?:[A-Z]\d{0,2} ?[市县区])?[\u4e00-\u9fa5A-Za-z0-9]{2,8}?(?:小区|花园|家园|华庭|广场|公寓|大厦|苑|安置区|新村|村|镇|社区|街道|大道|路|街|小学|中学|幼儿园|学校|医院|市场|项目)/gu;
/** In the body only places with the source's anonymised county code count: bare ones are too often half a sentence. */
const codedPlace = /^[A-Z]\d{0,2} ?[市县区]/u;
/** Characters that never start a place's name: they belong to the sentence around it. */
const notPlaceStart =
  /^(?:\d+|[的是在们我你他她它了和与及对从把被于为等该本其这那此个有所到往去来住至将让给请问说叫由以因而且但或就都也还又再很最多近附旁边诉求望]|投诉|举报|反映|咨询|关于|请求|建议|禁止|要求|希望|位于|地处|位置|小区|我们|本人|业主|居民)+/u;

const clip = (text: string, length: number) => {
  if ([...text].length <= length) return text;
  // Whole clauses only: a cut word would put words in the appeals' mouth.
  let kept = '';
  for (const clause of splitClauses(text)) {
    const next = kept === '' ? clause : `${kept}，${clause}`;
    if ([...next].length > length) break;
    kept = next;
  }
  return kept;
};

const overlap = (left: string, right: string) => {
  const a = new Set(characterPairs(left));
  const b = new Set(characterPairs(right));
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const pair of a) if (b.has(pair)) shared += 1;
  return shared / Math.min(a.size, b.size);
};

const distinct = (candidates: readonly string[], count: number) => {
  const chosen: string[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= count) break;
    if (chosen.every((kept) => overlap(kept, candidate) < 0.5)) chosen.push(candidate);
  }
  return chosen;
};

/** What an appeal is about in its writer's words: the title without its label, else the first clause. */
function issueOf(member: TopicMember): string | undefined {
  const title = cleanAppealText(member.title ?? '')
    .replace(/[\u200b-\u200d\ufeff]/gu, '')
    .replace(titleLabel, '')
    .replace(titleTail, '')
    .trim();
  const candidate = title.length >= 6 ? title : splitClauses(withoutEndMarks(splitSentences(cleanAppealText(member.content))[0] ?? ''))[0];
  const issue = candidate ? clip(candidate, 28) : '';
  return issue.length >= 6 ? issue : undefined;
}

/** The demands an appeal states after a request word (希望尽快维修电梯), in its words. */
function demandsOf(member: TopicMember): string[] {
  const text = cleanAppealText(member.content);
  const demands: string[] = [];
  for (const match of text.matchAll(requestCue)) {
    const rest = text.slice(match.index + match[0].length);
    const clause = (/^[^，。！？；,!?;\n：:、]+/u.exec(rest)?.[0] ?? '').replace(addressee, '').trim();
    if (clause.length >= 4 && clause.length <= 22 && actionWord.test(clause) && !/[我你他]/u.test(clause)) demands.push(clause);
  }
  return demands;
}

function placesOf(member: TopicMember): Set<string> {
  const places = new Set<string>();
  const title = cleanAppealText(member.title ?? '');
  const matches = [
    ...[...title.matchAll(placePattern)].map((match) => match[0]),
    ...[...cleanAppealText(member.content).matchAll(placePattern)].map((match) => match[0]).filter((place) => codedPlace.test(place)),
  ];
  for (const match of matches) {
    const place = match.replace(notPlaceStart, '');
    // A bare kind of place ("A1区路", "小区") says nothing; words of a request mean the match ran into the sentence.
    const name = place.replace(codedPlace, '');
    if ((name.match(/[\u4e00-\u9fa5]/gu) ?? []).length >= 3 && !/请求|要求|停止|投诉|举报|反映/u.test(place)) places.add(place);
  }
  return places;
}

/**
 * A condensed summary of what a topic's appeals ask, in one to three sentences: what is reported most (the
 * titles of the most typical appeals), what citizens ask for (the demands they state after 希望/要求/请求) and the
 * places named most often (with how many appeals name them). Every piece is cut from an appeal at a clause
 * boundary, never paraphrased, so every fact can be traced back to an appeal of the topic.
 */
export function summariseTopic(membersByTypicality: readonly TopicMember[]): string {
  const issues = distinct(
    membersByTypicality.flatMap((member) => issueOf(member) ?? []),
    2,
  );
  const demands = distinct(
    membersByTypicality.flatMap((member) => demandsOf(member).slice(-1)),
    2,
  );
  const placeCounts = new Map<string, number>();
  for (const member of membersByTypicality) for (const place of placesOf(member)) placeCounts.set(place, (placeCounts.get(place) ?? 0) + 1);
  const places = distinct(
    [...placeCounts]
      // Map order is typicality order, which breaks ties between equally frequent places.
      .sort((left, right) => right[1] - left[1])
      .map(([place]) => place),
    3,
  );

  const sentences: string[] = [];
  if (issues.length > 0) sentences.push(`反映较多的是：${issues.join('；')}。`);
  if (demands.length > 0) sentences.push(`市民希望${demands.join('、')}。`);
  if (places.length > 0) {
    const named = places.map((place) => (placeCounts.get(place)! > 1 ? `${place}（${placeCounts.get(place)}件）` : place));
    sentences.push(`涉及${named.join('、')}${places.length > 1 ? '等地' : ''}。`);
  }
  return sentences.join('');
}
