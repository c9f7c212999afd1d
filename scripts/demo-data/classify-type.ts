import type { AppealType } from './types';

/**
 * Danger to people right now. Only these make an appeal 紧急件. A fire to be cleaned up after, a fire
 * hazard or "if a fire broke out…" is not an emergency: in the title the danger word must not come with
 * a word of risk or aftermath, and in the body it must share a sentence with a word saying it is happening
 * now and with no word of supposition.
 */
const dangerCues = [
  '燃气泄漏',
  '煤气泄漏',
  '天然气泄漏',
  '漏气',
  '着火',
  '起火',
  '火灾',
  '坍塌',
  '塌方',
  '倒塌',
  '漏电',
  '被困',
  '被淹',
  '淹没',
  '水淹',
  '孩子走失',
  '小孩走失',
  '老人走失',
  '走失',
  '溺水',
  '爆炸',
];
const urgencyCues = [
  '紧急',
  '正在',
  '随时',
  '马上',
  '立即',
  '立刻',
  '刻不容缓',
  '危在旦夕',
  '十万火急',
  '命悬一线',
  '迫在眉睫',
  '生命危险',
];

const notHappeningNowCues = [
  '隐患',
  '善后',
  '规定',
  '预防',
  '防范',
  '一旦',
  '如果',
  '万一',
  '假如',
  '若',
  '可能',
  '难道',
  '要是',
  '以免',
  '避免',
  '防止',
];

const complaintCues = [
  '投诉',
  '举报',
  '扰民',
  '不作为',
  '乱收费',
  '违规',
  '违法',
  '欺骗',
  '欺诈',
  '克扣',
  '拖欠',
  '霸王条款',
  '强制',
  '强行',
  '推诿',
  '敷衍',
  '拒不',
  '曝光',
  '质疑',
  '讨说法',
  '侵害',
  '乱象',
];
const helpCues = [
  '求助',
  '帮帮',
  '无助',
  '救救',
  '求求',
  '走投无路',
  '请求帮助',
  '请求援助',
  '请求救助',
  '帮忙解决',
  '帮助解决',
  '请求解决',
  '恳请解决',
  '求解决',
  '盼望解决',
  '生活困难',
];
const suggestionCues = ['建议', '提议', '呼吁', '倡议', '意见和建议'];
const suggestionPattern = /希望[^。！？!?]{0,20}(能|可以|尽快|加快|增加|增设|开通|设立|安装|出台)/u;
const questionCues = [
  '请问',
  '咨询',
  '如何',
  '是否',
  '怎么办',
  '怎样',
  '能否',
  '可否',
  '可不可以',
  '能不能',
  '有没有',
  '何时',
  '什么时候',
  '哪些',
  '多少',
  '吗？',
  '吗?',
  '？',
  '?',
];

/** A title that opens with the writer's own label ("咨询…", "投诉…") says its type outright. */
const typeByTitleOpening: Array<[RegExp, Exclude<AppealType, '紧急件'>]> = [
  [/^(关于)?(咨询|请问|询问)/u, '咨询'],
  [/^(再次|强烈)?(投诉|举报)/u, '投诉'],
  [/^(求助|恳请帮助)/u, '求助'],
  [/^(关于)?(建议|呼吁|提议)/u, '建议'],
];

function containsAny(text: string, cues: readonly string[]): boolean {
  return cues.some((cue) => text.includes(cue));
}

function typeFromCues(text: string): Exclude<AppealType, '紧急件'> | null {
  if (containsAny(text, complaintCues)) return '投诉';
  if (containsAny(text, helpCues)) return '求助';
  if (containsAny(text, suggestionCues) || suggestionPattern.test(text)) return '建议';
  if (containsAny(text, questionCues)) return '咨询';
  return null;
}

/**
 * The type of an appeal from what its writer says. The title states the writer's intent most directly
 * ("咨询…", "投诉…", "建议…"), so it decides first; the body only when the title says nothing. An appeal
 * that neither asks, complains, pleads nor proposes mostly reports a problem for the authorities to look
 * into, which the column files as 咨询 (a request for information and handling).
 */
function isDangerNow(sentence: string, needsUrgencyWord: boolean): boolean {
  return (
    containsAny(sentence, dangerCues) &&
    (!needsUrgencyWord || containsAny(sentence, urgencyCues)) &&
    !containsAny(sentence, notHappeningNowCues)
  );
}

export function classifyAppealType(title: string, content: string): AppealType {
  const bodySentences = content.split(/[。！？!?；;\n]/u);
  if (isDangerNow(title, false) || bodySentences.some((sentence) => isDangerNow(sentence, true))) return '紧急件';
  const fromOpening = typeByTitleOpening.find(([pattern]) => pattern.test(title.trim()));
  if (fromOpening !== undefined) return fromOpening[1];
  return typeFromCues(title) ?? typeFromCues(content) ?? '咨询';
}
