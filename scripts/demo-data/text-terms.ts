/**
 * Turning the wording of duties and topics into the short words citizens actually write.
 * Official wording ("物业服务监管与业主委员会指导") almost never occurs verbatim in an appeal, while its
 * head noun ("物业") does; stripping administrative suffixes recovers it.
 */

const administrativeSuffixes = [
  '管理',
  '监管',
  '服务',
  '建设',
  '保障',
  '扶持',
  '指导',
  '评审',
  '查处',
  '执法',
  '调处',
  '防治',
  '登记',
  '保护',
  '整治',
  '办理',
  '监察',
  '治理',
  '问题',
  '纠纷',
  '政策',
  '补贴',
  '供应',
  '事务',
  '工作',
  '发放',
  '污染',
];

/**
 * Words too common in appeals to say anything about who should answer them, or that mostly occur inside
 * longer unrelated words ("房改" in "危房改造").
 */
const unhelpfulTerms = new Set([
  ...administrativeSuffixes,
  '小区',
  '社区',
  '房屋',
  '职工',
  '人口',
  '组织',
  '制度',
  '行业',
  '其他',
  '城市',
  '市场',
  '工程',
  '资源',
  '建筑',
  '机构',
  '人员',
  '安全',
  '质量',
  '信息',
  '市政',
  '违法',
  '利用',
  '信访',
  '投诉',
  '环境',
  '后期',
  '经营',
  '卫生',
  '安全隐患',
  '贷款',
  '提取',
  '房改',
]);

const minimumTermLength = 2;

/** The term and each shorter form left by stripping one more suffix: "违法建设查处" → 违法建设, 违法. */
export function strippedForms(term: string): string[] {
  const forms = [term];
  for (;;) {
    const core = forms[forms.length - 1];
    const suffix = administrativeSuffixes.find(
      (candidate) => core.endsWith(candidate) && core.length - candidate.length >= minimumTermLength,
    );
    if (suffix === undefined) return forms;
    forms.push(core.slice(0, core.length - suffix.length));
  }
}

function isUsefulTerm(term: string): boolean {
  return term.length >= minimumTermLength && !unhelpfulTerms.has(term);
}

/** A term and its stripped forms, all kept when useful (a longer form that occurs is counted as well, so it weighs more). */
export function searchTermsFor(term: string): string[] {
  return [...new Set(strippedForms(term).filter(isUsefulTerm))];
}

/** Splits a duties text such as "住房保障（公共租赁住房、保障性租赁住房）；物业服务监管与业主委员会指导" into terms. */
export function splitDutiesText(duties: string): string[] {
  const pieces = duties.split(/[；;、，,。（）()\s]|与|和|及/u);
  return [...new Set(pieces.flatMap((piece) => searchTermsFor(piece.trim())))];
}

export function countOccurrences(text: string, term: string): number {
  if (term === '') return 0;
  let count = 0;
  let position = text.indexOf(term);
  while (position !== -1) {
    count += 1;
    position = text.indexOf(term, position + term.length);
  }
  return count;
}

/** Title words describe the appeal; the body also narrates background, so its hits weigh less and are capped. */
export const titleWeight = 3;
export const contentHitCap = 3;

export function weightedOccurrences(title: string, content: string, term: string): number {
  return titleWeight * countOccurrences(title, term) + Math.min(countOccurrences(content, term), contentHitCap);
}
