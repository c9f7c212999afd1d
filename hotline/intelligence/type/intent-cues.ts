import type { AppealType } from './appeal-types';

export type OrdinaryType = Exclude<AppealType, '紧急件'>;

/** A title that opens with the writer's own label ("咨询…", "投诉…") says the type outright. */
export const typeByTitleOpening: ReadonlyArray<[RegExp, OrdinaryType]> = [
  [/^(关于)?(咨询|请问|询问|请教)/u, '咨询'],
  [/^(关于)?(再次|强烈|实名)?(投诉|举报|控告|检举|曝光)/u, '投诉'],
  [/^(紧急)?(求助|求救|恳请帮助|请求帮助)/u, '求助'],
  [/^(关于)?(建议|提议|倡议|建言)/u, '建议'],
];

/** A cue and how much it says: 2 names the intent, 1 is typical of it, 0.5 is common to several. */
export type WeightedCue = readonly [RegExp, number];

/**
 * Cues of each intent. 投诉: a wrong done by someone (a company, a neighbour, an office) that should
 * stop. 求助: a difficulty the writer cannot solve alone. 建议: a measure proposed for everyone. 咨询: a
 * question about a rule, a procedure or a fact. Complaints ask many questions that are not questions
 * ("这合理吗？"), so a bare question mark says little.
 */
export const cuesByType: Record<OrdinaryType, readonly WeightedCue[]> = {
  投诉: [
    [/投诉|举报|控告|检举|曝光|维权/gu, 2],
    [/扰民|噪音|噪声|油烟|异味|臭气|污染|粉尘/gu, 1],
    [/不作为|乱作为|推诿|敷衍|踢皮球|不闻不问|置之不理|拖延|无人管|没人管/gu, 1],
    [/违规|违法|违章|违建|违约|非法|私自|擅自/gu, 1],
    [/欺骗|欺诈|诈骗|骗取|骗局|诱骗|套路|虚假|黑心|无良/gu, 1],
    [/乱收费|多收|强制|强行|霸王条款|克扣|拖欠|欠薪|侵吞|挪用|侵占|侵害|占道|乱停|乱搭|乱扔|乱倒/gu, 1],
    [/质疑|讨说法|还.{0,4}公道|严查|查处|追究|整改|取缔|制止|严惩/gu, 1],
    [/态度恶劣|刁难|拒不|拒绝|不退|不给|不予/gu, 1],
    [/不合理|不公平|不公正|凭什么|竟然|居然|公然|损害|受害/gu, 0.5],
  ],
  求助: [
    [/求助|帮帮|救救|求求|无助|走投无路|无家可归|走投无门/gu, 2],
    [/帮(忙|助|我)|恳请.{0,12}(解决|帮|关注|关心)|请求.{0,12}(解决|帮|关注|关心)|盼.{0,8}解决/gu, 1],
    [/生活困难|家庭困难|困难|贫困|患病|治病|病情|残疾|低保|弱势/gu, 1],
    [/何去何从|没有着落|无法生活|不知道怎么办|等不起/gu, 1],
    [/修复|修缮|硬化|修路|通电|通水|接通|维修|尽快解决/gu, 0.5],
    // A public service that is missing (street lights, gas, water, a road): help is asked, nobody accused.
    [/路灯|天然气|自来水|用水|用电|(学习|居住|生活)(环境|条件)/gu, 0.5],
  ],
  建议: [
    [/建议|提议|倡议|建言|献策/gu, 2],
    [/呼吁/gu, 1],
    [/希望.{0,24}(增加|增设|开通|设立|安装|出台|调整|规划|修建|拉通|连通|设置|考虑|改为|纳入|延长|推广|加强)/gu, 1],
    [/(可不可以|能不能|可否|是否可以|能否).{0,16}(增加|增设|开通|设立|安装|出台|调整|修建|设置|改为)/gu, 1],
  ],
  咨询: [
    [/咨询|请问|请教|想了解|想知道|想问|想咨询/gu, 2],
    [/如何|怎么办|怎样|怎么(申请|查询|办理|计算|操作)|需要什么|哪些|多少钱|何时|什么时候|哪个部门|什么条件|什么手续/gu, 1],
    [/是否|能否|可否|有没有|能不能|可不可以|是不是|[？?]/gu, 0.25],
  ],
};
