import { findEmergency } from '../intelligence/type/emergency-cues';
import { findSpokenEmergency, isAboutRules } from '../intelligence/type/spoken-emergency-cues';

/** The kinds of danger whose first safe action differs; `general` gets the numbers alone. */
export type EmergencyKind = 'gas' | 'fire' | 'trapped' | 'electric' | 'flood' | 'collapse' | 'violence' | 'medical' | 'missing' | 'general';

export interface EmergencyFindingForPeople {
  kind: EmergencyKind;
  /** The words that showed the danger. */
  evidence: string;
  /** What a person in danger reads first: the numbers, the immediate safe action, not to wait for a reply. */
  advice: string[];
}

const numbers = '紧急情况请立即拨打：火警119，报警110，急救120。';
const doNotWait = '请先打电话求助，不要等待在线回复；小宁和12345热线不能代替紧急救援。';

/** The first safe action per kind of danger (public safety guidance of the fire and emergency services). */
const actions: Record<EmergencyKind, string | null> = {
  gas: '燃气泄漏：请立即离开房间到室外，不要开关电灯和电器，不要点火、不要在室内打电话；能做到的话关闭燃气总阀、打开门窗。到室外安全处再拨打燃气公司抢修电话或119。',
  fire: '发生火情：请立即离开，弯腰低姿、用湿毛巾捂住口鼻，走楼梯不要乘电梯，到安全处拨打119。',
  trapped: '有人被困：被困电梯请按电梯内的紧急呼叫按钮，不要强行扒门；其他被困情况请拨打119，说清楚地点和人数。',
  electric: '电线掉落或有人触电：请远离电线，不要用手直接拉触电的人；先断开电源，拨打119、120，也可拨打供电抢修电话95598。',
  flood: '水淹或洪水：请尽快转移到高处，切断家中电源，不要趟水行走，拨打119或110求助。',
  collapse: '房屋或边坡坍塌：请立即撤离并远离危险区域，不要回去取东西，拨打119或110。',
  violence: '有人行凶或打人：请先离开现场、保护好自己，立即拨打110。',
  medical: '有人昏倒、受伤或呼吸困难：请立即拨打120，说清地址；不要随意搬动伤者，按120调度员的指导施救。',
  missing: '有人走失：请立即拨打110报警，不必等满24小时；准备好走失者的照片和衣着特征。',
  general: null,
};

/** Words that tell which safe action applies; the first kind that matches wins (gas before fire: 燃气起火; a live wire's 火花 is not a fire). */
const kindCues: ReadonlyArray<readonly [EmergencyKind, RegExp]> = [
  ['gas', /燃气|煤气|天然气|液化气|沼气|漏气|毒气|气体.{0,4}泄|泄[漏露]/u],
  ['electric', /电线|电缆|高压线|触电|漏电|电箱/u],
  ['fire', /火|冒烟|爆炸/u],
  ['trapped', /被?困|关在|卡在/u],
  ['flood', /淹|洪水|进水|灌进|倒灌|涌进|漫进|内涝|决堤|溃堤|溺水|落水/u],
  ['collapse', /塌|垮|滑坡|泥石流|断裂|裂/u],
  ['violence', /打人|砍人|行凶|持刀|拿刀|动刀|家暴|被打|殴打|抢劫|杀人|打架/u],
  ['medical', /晕|昏|不省人事|呼吸|心跳|抽搐|流血|受伤|抢救|急救|病危|垂危|中毒|自杀|轻生|跳楼|跳河/u],
  ['missing', /走失|走丢|失联|失踪|下落不明|不见了/u],
];

/** The kind of danger, for the safe action to give. */
export function emergencyKindOf(text: string): EmergencyKind {
  return kindCues.find(([, cue]) => cue.test(text))?.[0] ?? 'general';
}

/** The lines to give first: numbers, the safe action for this kind of danger, not to wait for the chat. */
export function emergencyAdviceFor(kind: EmergencyKind): string[] {
  const action = actions[kind];
  return action ? [numbers, action, doNotWait] : [numbers, doNotWait];
}

/**
 * Whether a message (a chat turn, what a caller says) describes danger happening now, and if so the advice
 * to give first. The appeal detector of hotline/intelligence decides for letters; a message also counts
 * when it speaks of danger in the present as people say it aloud. Questions about rules and costs
 * (燃气泄漏怎么处罚) or prevention (建议加强消防检查) are not emergencies.
 */
export function findEmergencyInMessage(text: string): EmergencyFindingForPeople | null {
  const message = text.normalize('NFKC').trim();
  if (message === '') return null;
  const found = findSpokenEmergency(message) ?? findEmergency('', message);
  if (!found || isAboutRules(message)) return null;
  const evidence = found.evidence;
  const kind = emergencyKindOf(message);
  return { kind, evidence, advice: emergencyAdviceFor(kind) };
}
