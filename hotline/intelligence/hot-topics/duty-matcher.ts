import type { Tokenizer } from '../../../text';
import { generalWords, termsOfTopic } from '../tags/topic-terms';

export interface DutyUnit {
  id: string;
  name: string;
  duties: string;
  dutyTopics: readonly string[];
}

export interface DutyMatch {
  /** The unit's duty topic the taxonomy topic falls under, when one names it ("物业管理" for 物业服务). */
  dutyTopic: string | null;
}

/**
 * Words that name an activity or a relation, not a subject: a topic and a duty that share only one of
 * them ("权属纠纷" and "医患纠纷", "文物保护" and "知识产权保护") are about different things.
 */
const activityWords = new Set(
  (
    '纠纷 保护 监管 监督 管理 服务 执法 改革 政策 治理 防治 整治 处理 鉴定 建设 发展 评价 调处 查处 指导 保障 交易 市场 工程 城市 城镇 综合 ' +
    '经营 质量 安全 生产 设施 资源 机构 人员 行业 问题 其他 事件 纳入 办理 提取 贷款 缴存 申报 咨询'
  ).split(' '),
);

const meaningful = (term: string) => term.length >= 2 && !generalWords.has(term) && !activityWords.has(term);

/**
 * Whether a taxonomy topic lies within a unit's duties, read from the unit's `dutyTopics` and its duty
 * text. Only the words that say what a topic is about count (its name, its subject without the activity
 * ending, the everyday words citizens use for it: termsOfTopic), never a general or activity word:
 * "住房" is in the housing bureau's duties and in 住房公积金, which is not; "建筑" in 建筑施工 does not
 * bring in 违章建筑. A word matches a duty topic whole or inside it (物业 ⊂ 物业管理, 公交 ⊂ 公交车), and
 * the duty text when it is one of its words or, from three characters on, written in it.
 * A unit whose duties name no topic (a county: 辖区内各类民生诉求的属地办理) handles every topic.
 */
export function createDutyMatcher(deps: { tokenizer: Tokenizer }) {
  const unitCache = new Map<string, { dutyTopics: string[]; dutyWords: Set<string> }>();
  const topicCache = new Map<string, string[]>();

  const termsOfUnit = (unit: DutyUnit) => {
    const key = `${unit.id}\n${unit.duties}\n${unit.dutyTopics.join('、')}`;
    let entry = unitCache.get(key);
    if (!entry) {
      entry = { dutyTopics: [...unit.dutyTopics], dutyWords: new Set(deps.tokenizer.tokens(unit.duties).filter(meaningful)) };
      unitCache.set(key, entry);
    }
    return entry;
  };

  const subjectTermsOf = (topic: string) => {
    let terms = topicCache.get(topic);
    if (!terms) {
      terms = [...new Set([topic, ...termsOfTopic(topic).map((entry) => entry.term)])].filter(meaningful);
      topicCache.set(topic, terms);
    }
    return terms;
  };

  return (topic: string, unit: DutyUnit): DutyMatch | null => {
    const { dutyTopics, dutyWords } = termsOfUnit(unit);
    if (dutyTopics.length === 0) return { dutyTopic: null };
    const terms = subjectTermsOf(topic);
    const underDutyTopic = dutyTopics.find((dutyTopic) =>
      terms.some((term) => term === dutyTopic || dutyTopic.includes(term) || (meaningful(dutyTopic) && term.includes(dutyTopic))),
    );
    if (underDutyTopic !== undefined) return { dutyTopic: underDutyTopic };
    const inDutyText = terms.some((term) => dutyWords.has(term) || (term.length >= 3 && unit.duties.includes(term)));
    return inDutyText ? { dutyTopic: null } : null;
  };
}

export type DutyMatcher = ReturnType<typeof createDutyMatcher>;
