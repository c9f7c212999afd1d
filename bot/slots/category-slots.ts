import { appealCategories, type AppealCategory } from '../../hotline';

/** The appeal categories are the column's (hotline); the words people use for them are the bot's. */
export { appealCategories, type AppealCategory };

/** Other names of a category that are not also a unit's alias or a topic of their own. */
const categoryAliases: Record<string, AppealCategory> = {
  城建: '城乡建设',
  环保类: '环境保护',
  科教文化: '科教文体',
  文教体育: '科教文体',
  劳动保障: '劳动人事',
  医疗卫生: '卫生健康',
  卫生类: '卫生健康',
  民政类: '民政社区',
  农林类: '农林水利',
  治安类: '公共安全',
};

/** The appeal category a message names (卫生健康方面的诉求有多少), if any. */
export function findCategory(text: string): AppealCategory | undefined {
  const named = appealCategories.find((category) => text.includes(category));
  if (named) return named;
  const alias = Object.keys(categoryAliases).find((word) => text.includes(word));
  return alias ? categoryAliases[alias] : undefined;
}

/**
 * The category a message names outside the name of the unit it names: 宁德市卫生健康委员会 and 交通运输局
 * contain category words that are the unit's, not a category asked about.
 */
export function findCategoryOutside(text: string, unit: { name: string; aliases: string[] } | undefined): AppealCategory | undefined {
  const category = findCategory(text);
  if (!category || !unit) return category;
  const inUnitName = [unit.name, ...unit.aliases].some((name) => name.includes(category) && text.includes(name));
  return inUnitName ? undefined : category;
}
