import { splitClauses, splitSentences, withoutEndMarks } from '../../../text';

/**
 * 紧急件 means danger to life or property happening now: a fire or a gas leak, a structure that has
 * given way, water coming in, a person missing or trapped, a life at stake. A hazard that "could" become
 * one (消防通道被堵，一旦发生火灾…) or one that happened months ago is not: those go to ordinary handling.
 * A missed emergency costs far more than a false alarm, so one clause is enough.
 */

/** Events that are emergencies by themselves whenever they are not supposed or past. */
const acuteEventPattern = new RegExp(
  [
    // Not 随着火车, 看着火…, 挑起火头, 车外起火等功能: there the characters belong to other words.
    '起火(?![头车等])',
    '(?<![随沿接顺按本朝照对向冲靠挨跟看])着火(?!车)',
    '失火',
    '(?<!停止)冒烟',
    '(燃气|煤气|天然气|液化气|沼气)(泄[漏露]|外泄)',
    '漏气',
    // A smell of gas indoors is treated as a leak until someone has checked.
    '(燃气|煤气|天然气|液化气)(味|气味)',
    '闻到.{0,6}(燃气|煤气|天然气|液化气)',
    '(化学|有毒|原料|气体|液体|毒气).{0,8}泄[漏露]',
    '泄[漏露].{0,12}(气体|气味|液体)',
    '走失',
    '走丢',
    '(孩子|小孩|学生|老人|儿子|女儿|爱人|妻子|丈夫|老公|老婆|父亲|母亲|家人)[^。]{0,16}(失联|失踪|下落不明|不见了|至今未归|彻夜未归|(一直|至今|到现在)(没有|没|未)(回家|回来))',
    // People shut in a lift or a collapsed place: someone has to come and get them out.
    '(被|人)(关|困|卡)在?(电梯|井下|废墟)',
    '电梯(里|内)?(困人|关人|被困)',
    '(扬言|准备|企图)(跳楼|跳河|自杀|轻生)',
    '生命垂危',
    '命悬一线',
    '奄奄一息',
    '(急需|等待|需要)(抢救|急救|救援|救命(?!钱))',
    // Live wires down where people walk.
    '(电线|电缆|高压线)[^，。]{0,6}(掉|垂|落|断)[^，。]{0,4}(地|路|水)',
    // Water pouring into homes.
    '(水|洪水|污水)[^，。]{0,4}(灌|涌|漫|倒灌)(进|入)[^，。]{0,4}(家|屋|房|室)',
    '溺水',
    '急需.{0,6}血',
    '病危(?!通知)',
    '危在旦夕',
    '决堤',
    '溃堤',
    // 断 and 倒 start other words (断电, 倒闭, 倒车): only "已断了", "已断裂", "开始倒塌" count.
    '(已经?|己|已然|开始|正在)(坍塌|倒塌|垮塌|塌|垮|(断|倒)(了|掉|裂|下|塌|$))',
  ].join('|'),
  'u',
);

/** Dangers that are emergencies when the text places them in the present. */
const dangerPattern = new RegExp(
  [
    '爆炸',
    '火灾',
    '火情',
    '大火',
    '垮塌',
    '坍塌',
    '倒塌',
    '塌方',
    '塌陷',
    '滑坡',
    '泥石流',
    '断裂',
    '坠(落|到|至|下)',
    '下坠',
    '掉(落|下)',
    '砸(伤|死|到)',
    '被淹',
    '淹没',
    '水淹',
    '进水',
    '洪水',
    '内涝',
    '被困',
    '困在',
    '被关在?电梯',
    '触电',
    '漏电',
    '中毒',
    '生命危险',
    '泄[漏露]',
  ].join('|'),
  'u',
);

/** Words that place a danger in the present or the next moments. */
const nowPattern = new RegExp(
  [
    '正在',
    '现在',
    '目前',
    '此刻',
    '今天',
    '今早',
    '今晚',
    '今日',
    '刚刚',
    '刚才',
    '马上',
    '立即',
    '立刻',
    '紧急',
    '十万火急',
    '刻不容缓',
    '迫在眉睫',
    '威胁',
    '这几天',
    '又下',
    '又开始',
    '急需',
    '仍在',
    '还在',
    '照样',
  ].join('|'),
  'u',
);

/** Suppositions, warnings and the past: in the danger's clause or the one before it, they rule it out. */
const supposedOrPastPattern = new RegExp(
  [
    '一旦',
    '如果',
    '万一',
    '假如',
    '假若',
    '若是',
    '要是',
    '倘若',
    '如遇',
    '以免',
    '避免',
    '防止',
    '预防',
    '防范',
    '以防',
    '试想',
    '难道',
    '不堪设想',
    '可想而知',
    '善后',
    '曾经',
    '去年',
    '前年',
    '当年',
    '以前',
    '之前',
    '年前',
    '发生过',
    '上次',
    '那次',
    '几年前',
    '多年前',
    '近几年',
    '最近几年',
    '每年',
    '多次',
    '时有发生',
    // Chronic: a lift that keeps trapping people is a complaint about its upkeep, not a call for rescue.
    '经常',
    '常常',
    '时常',
    '常年',
    '频繁',
    '屡次',
    '数次',
    '反复',
    '现象',
    '遭遇',
    '司空见惯',
    '频发',
    '国内',
    '全国',
    '各地',
    '看到',
    '听说',
    '可能性',
    '此次',
    '本月',
    '上月',
    '事件',
    '案例',
    '报道',
    '新闻',
    '教训',
    '赔偿',
    '补偿',
  ].join('|'),
  'u',
);

const recountedPattern = /扑灭|熄灭|扑救|\d{4}年|(倒塌|垮塌|坍塌|塌|断)[^，。]{0,4}(\d+|[一二三四五六七八九十两几多半]+)(年|个月)/u;

/** Words of risk: in the danger's own clause they make it a hazard rather than an event. */
const riskPattern = /可能|容易|极易|隐患|风险|担心|害怕|生怕|的危险|难免|迟早|随时(都)?会|将会/u;
/** Even an acute event named as a risk ("溺水风险", "起火，安全隐患非常大") is only a hazard. */
const namedRiskPattern = /隐患|风险/u;

/**
 * A building or slope giving way now: damage that is still growing (新裂痕, 裂缝不断扩大, 持续下沉) where
 * collapse or lives are at stake. Such a sentence reads "随时可能倒塌", which is a risk word, but the
 * damage is happening as the citizen writes.
 */
const progressingDamagePattern =
  /新(的)?(裂缝|裂痕|裂纹)|(裂缝|裂痕|裂纹|开裂|下沉|沉降|倾斜|塌陷|松动)[^。]{0,12}(加剧|扩大|恶化|越来越(大|宽|多|严重))|(不断|持续|正在|仍在)(开裂|下沉|沉降|倾斜|塌陷|松动)/u;
const collapseThreatPattern = /倒塌|垮塌|坍塌|塌方|生命安全|人身安全|人员伤亡|砸(伤|死)/u;

function findProgressingDamage(sentence: string): string | null {
  const damage = progressingDamagePattern.exec(sentence);
  if (!damage || !collapseThreatPattern.test(sentence) || /一旦|如果|万一|假如|倘若|以免|防止|曾经|以前|之前|去年/u.test(sentence)) {
    return null;
  }
  return splitClauses(sentence).find((clause) => progressingDamagePattern.test(clause)) ?? damage[0];
}

export interface EmergencyFinding {
  /** The clause that shows the danger, for the record and for the official who reads it. */
  evidence: string;
}

function findInSentence(sentence: string): string | null {
  const clauses = splitClauses(sentence);
  for (let index = 0; index < clauses.length; index += 1) {
    const clause = clauses[index];
    const acute = acuteEventPattern.test(clause);
    // A fire that was put out, anything told with its year, or "已经倒塌六年多": recounted, not reported.
    if (recountedPattern.test(sentence)) return null;
    if (!acute && !dangerPattern.test(clause)) continue;
    if (supposedOrPastPattern.test(clauses.slice(Math.max(0, index - 1), index + 1).join('，'))) continue;
    if (acute && !namedRiskPattern.test(clauses.slice(index, index + 2).join('，'))) return clause;
    const neighbourhood = clauses.slice(Math.max(0, index - 1), index + 2).join('，');
    if (nowPattern.test(neighbourhood) && !riskPattern.test(clause)) return clause;
  }
  return null;
}

export function findEmergency(title: string, content: string): EmergencyFinding | null {
  for (const sentence of [title, ...splitSentences(content).map(withoutEndMarks)]) {
    const evidence = sentence.trim() === '' ? null : (findInSentence(sentence) ?? findProgressingDamage(sentence));
    if (evidence !== null) return { evidence };
  }
  return null;
}
