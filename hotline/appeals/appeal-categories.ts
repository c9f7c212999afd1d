/** The column's appeal categories (data/demo/taxonomy.json, first level), in the taxonomy's order. */
export const appealCategories = [
  '城乡建设',
  '环境保护',
  '交通运输',
  '科教文体',
  '劳动人事',
  '商贸经济',
  '卫生健康',
  '民政社区',
  '农林水利',
  '公共安全',
  '党政综合',
] as const;

export type AppealCategory = (typeof appealCategories)[number];
