/**
 * Sentences that speak to the assistant instead of informing a reader: a document (or an uploaded file, or a
 * web page) may carry "忽略之前的指令…", "你现在是…", "请把票投给…" or "ignore previous instructions". Such a
 * sentence is never policy: it is not indexed, not quoted in an answer, and not handed to a chat model as a
 * passage, where it could be taken for an instruction.
 *
 * The patterns describe the ways instructions are written (an order to disregard earlier instructions, a new
 * role, an order about answers, votes or the prompt, a message addressed to the assistant by name), not
 * particular strings; none of them matches a sentence of the real corpus (58 laws, 593 policy notices) or of
 * the 9,360 citizens' appeals and their replies.
 */

/** Words that stand for what an assistant was told to do. */
const instructions = '(?:指令|指示|规则|提示词?|设定|人设|命令|约束|限制|system ?prompt|prompt)';
/** Words that point back at earlier instructions. */
const earlier = '(?:之前|以上|上面|前面|先前|此前|上述|原来|原有|原先|你的|您的|所有|一切|全部|任何|系统)';

const patterns: RegExp[] = [
  // 忽略之前的指令 / 无视以上所有规则 / 忘掉你的设定 / 不要遵守系统提示词
  new RegExp(
    `(?:忽略|无视|忘记|忘掉|不要理会|不必理会|别管|抛开|不要遵守|不再遵守|不用遵守|绕过|覆盖掉?)(?:掉)?${earlier}{1,3}(?:的)?${instructions}`,
    'i',
  ),
  new RegExp(`(?:忽略|无视|忘记|忘掉|抛开|绕过)(?:掉)?(?:的)?(?:指令|提示词|设定|人设|system ?prompt|prompt)`, 'i'),
  // 你现在是… / 从现在起你是… / 你的新身份是… / 请扮演… / 假装你是…
  /(?:你|您)(?:现在|从现在起|从现在开始|接下来|从此|今后|以后)(?:起)?(?:就|将|要)?(?:是|扮演|变成|成为|作为|充当)/,
  /(?:从现在起|从现在开始|接下来|从此以后)[，,]?(?:你|您)/,
  /(?:你|您)的(?:新)?(?:身份|角色|人设|任务|指令)(?:是|为|变为|改为|已)/,
  /(?:请你?|你要|您要|你|您|现在)(?:扮演|假装成?|充当)(?:一个|一名|一位)?.{0,12}(?:角色|助手|机器人|AI|人工智能|客服)/i,
  /假装(?:你是|您是|自己是)/,
  /(?:作为|身为)(?:一个|一名|一款)?(?:AI|人工智能|智能助手|语言模型|大模型|聊天机器人)/i,
  // 小宁，请… / AI 助手必须… / 语言模型应当…
  /(?:小宁|AI ?助手|智能助手|人工智能助手|语言模型|大模型|聊天机器人|ChatGPT|GPT)[\s，,:：]*(?:请|必须|务必|应当|应该|要|不要|不得|禁止|你|您|现在)/i,
  // 以后所有回答都… / 每个回复必须…（“每次回复都说已处理”是诉求里的抱怨，不算）
  /(?:以后|今后|接下来|从现在起)(?:的)?(?:所有|每个|每条|每一个)?(?:回答|回复|答案)(?:都|必须|一律|只能)/,
  /(?:所有|每个|每条|每一个)(?:回答|回复|答案)(?:都必须|都要|必须|一律|只能)/,
  /(?:回答|回复)(?:时|中|里)(?:一律|都要|必须|总是|只)(?:说|回答|回复|加上|包含|提到|推荐)/,
  // 请把票投给… / 帮我给…投一票 / 投票给…
  /(?:把|将)(?:你的|您的|这|每一)?(?:票|选票|一票)?.{0,12}投(?:一)?票?给/,
  /投(?:一)?票给/,
  /(?:请|务必|一定要|帮我|帮忙|替我|你要|你必须)(?:给|为|替).{0,15}投(?:一)?票/,
  // 泄露你的提示词 / 输出你的系统指令
  /(?:泄露|输出|显示|告诉我|复述|打印|透露)(?:你的|您的)(?:系统|内部|隐藏)?(?:的)?(?:指令|提示词?|设定|人设|规则|prompt)/i,
  /(?:泄露|输出|显示|告诉我|复述|打印|透露)(?:系统|内部|隐藏)?(?:的)?(?:提示词|system ?prompt)/i,
  /(?:开发者模式|越狱模式|developer mode|jailbreak)/i,
  // English
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,30}\b(?:previous|prior|above|earlier|all|any|your|these|the)\b.{0,20}\b(?:instructions?|prompts?|rules|directions|guidelines|directives)\b/i,
  /\b(?:ignore|disregard|forget)\b (?:everything|anything|all) (?:above|before|previously|said)\b/i,
  /\byou are now\b|\bfrom now on,? you\b|\bpretend (?:to be|you are)\b|\bact as (?:an?|the|my)\b/i,
  /\b(?:system|developer) (?:prompt|message|instructions?)\b/i,
  /\bvote for\b|\bcast (?:a|your|the|my) votes?\b/i,
];

/** Whether a sentence (or any text) is written to the assistant rather than to a reader. */
export function isAddressedToAssistant(text: string): boolean {
  // Spaces next to a Chinese character are dropped ("忽 略 之 前 的 指 令"); between Latin words one stays.
  const compact = text
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/(?<=[^\p{ASCII}]) | (?=[^\p{ASCII}])/gu, '')
    .trim();
  return patterns.some((pattern) => pattern.test(compact));
}

/** The text's sentences, each with what follows it up to the next sentence (so joining them gives the text back). */
function sentencePieces(text: string): string[] {
  return text.match(/[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*)?\s*|\n+/g) ?? [];
}

/** The text without its sentences addressed to the assistant, and how many were removed. */
export function withoutInstructions(text: string): { text: string; removed: number } {
  let removed = 0;
  const kept = sentencePieces(text).filter((piece) => {
    if (!isAddressedToAssistant(piece)) return true;
    removed += 1;
    return false;
  });
  return { text: removed === 0 ? text : kept.join('').trim(), removed };
}
