import { everydayWordsByTopic } from '../../../text';

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Words too general to point at one topic on their own. */
export const generalWords = new Set(
  (
    '其他 管理 服务 建设 工作 问题 城市 城镇 农村 公共 社会 企业 职工 居民 行业 市场 政策 体制 事业 发展 设施 安全 质量 ' +
    '工程 经营 权益 待遇 标准 资金 人员 监管 执法 改革 住房 房屋 土地 教育 医疗 生活 环境 交通 信息 处理 办理 登记 补贴 ' +
    '保障 培训 小区 社区 机构 公司 单位 部门 指导'
  ).split(' '),
);

/** Endings that name an activity rather than a subject: "燃气供应" is about 燃气, "物业服务" about 物业. */
const activityEnding = /(管理|服务|供应|问题|政策|建设|纠纷|工作|监管|事件处理|处理|标准|待遇|发放|改造|执法|保护)$/u;

const nameWeight = 3;
const everydayWeight = 2;
const subjectWeight = 1.5;

/**
 * The words that show an appeal is about a level-3 topic: its name (or each part of a name that lists
 * several things, "机动车和驾驶员管理"), the subject without the activity ending, and everyday words.
 */
export function termsOfTopic(level3: string): WeightedTerm[] {
  const parts = level3.split(/[、和与及]/u).filter((part) => part.length >= 2);
  const names = level3.includes('、') ? parts : [...new Set([level3, ...parts])];
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => {
    if (term.length < 2 || generalWords.has(term)) return;
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  for (const name of names) {
    add(name, nameWeight);
    add(name.replace(activityEnding, ''), subjectWeight);
  }
  for (const word of everydayWordsByTopic[level3] ?? []) terms.set(word, Math.max(terms.get(word) ?? 0, everydayWeight));
  return [...terms].map(([term, weight]) => ({ term, weight }));
}
