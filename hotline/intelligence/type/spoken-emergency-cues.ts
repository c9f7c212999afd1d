import type { EmergencyFinding } from './emergency-cues';

/**
 * Danger a person describes in a chat or a call that the appeal detector reads as letters: someone
 * collapsed, violence going on, "着火了" said in two words. Only present, first-hand wording counts.
 */
const spokenDangerPattern = new RegExp(
  [
    '(晕倒|昏倒|昏迷|不省人事|休克|抽搐|没有?(呼吸|心跳)了|失去意识|喘不(上|过)气|大出血|血流不止)',
    '(有人|正在|在)(打人|砍人|行凶|持刀|拿刀|打架|抢劫|家暴)',
    '持刀|砍人|行凶|家暴',
    '在打(人|老婆|妻子|孩子|小孩|老人)',
    '(扬言|说|要|想)要?(跳楼|跳河|自杀|轻生)',
    '(被困|困)在(屋|房|家|楼|车|里)',
    '(触电|被电)(了|到)|带电',
    '屋里有烟|满屋(子)?(都是)?烟',
    '(被|挨)(人)?(打|砍|捅)(了|伤)',
    '(着火|起火|失火|爆炸|塌|垮|漏气|冒烟|被淹|进水|滑坡|泥石流)了|泥石流冲',
    '救命(?!钱)',
    '(煤气罐|气罐|燃气|煤气|天然气|液化气)[^，。]{0,4}漏',
    '(被|人)?(关|锁|困)在(里面|电梯|屋|房|车|山|楼)',
    '被困(?!难|扰|惑)',
    '(高压线|电线|电缆)[^，。]{0,6}(断|掉|落|垂)',
    '(昏|晕)过去|倒地|倒在[^，。]{0,6}不动|不动了|叫不醒|没(有)?反应了',
    '水[^，。]{0,6}(漫|灌|涌|冲)(进|入|到|向|往)',
    '塌下来|压住|(人|工人|孩子|小孩|老人)[^，。]{0,4}被埋|被埋在|砸(到|伤)人',
    '(掉|落|跌|摔)(进|入|到)了?[^，。]{0,4}(水|河|井|海|池|塘|湖|江|库|沟)',
    '喝(了)?农药|吃了?(安眠药|老鼠药)|服毒|割腕|上吊',
    '决口|决堤|溃坝',
    '心脏病(发作|犯了)|中风了|脑溢血',
    '(掉|落|跌)(进|入|到)?(水里|河里|井里|海里)',
    '煤气味|燃气味|天然气味|液化气味',
  ].join('|'),
  'u',
);

/** Questions about rules, costs or prevention mention danger without being in it. */
const rulesPattern =
  /(费用|收费|多少钱|罚款|处罚|赔偿|补偿|规定|条例|办法|标准|责任|检查|宣传|演练|培训|预防|防范|如何防止|隐患|改造|安装|保险|审批|许可|资质|申请|鉴定|领取|哪里(可以)?领|教育|防(溺水|火|走失|汛|盗)|处理结果|(怎么|如何)处理的|有什么规定)/u;

/**
 * A question about the rules around a danger (燃气泄漏怎么处罚, 燃气管道改造的费用) names it without being in
 * it, unless it also asks what to do now.
 */
export const isAboutRules = (text: string) => rulesPattern.test(text) && !/怎么办|救命|快来|马上|现在|正在/u.test(text);

/** Danger in the present as people say it aloud; null when there is none or the text asks about rules. */
export function findSpokenEmergency(text: string): EmergencyFinding | null {
  const spoken = spokenDangerPattern.exec(text);
  return spoken && !isAboutRules(text) ? { evidence: spoken[0] } : null;
}
