import type { AppealTopic } from './types';

/**
 * Which Ningde unit answers appeals of each topic of the official appeal taxonomy. Keys are
 * "level1/level2" (the whole branch) or "level1/level2/level3" (an exception inside a branch); a missing key
 * or null means no single municipal unit in units.json holds that duty (courts, 纪委, 电力, 邮政, 林业…).
 */
const unitByTopicPath: Record<string, string | null> = {
  '城乡建设/安全生产': 'yjj',
  '城乡建设/城市建设和市政管理': 'cgj',
  '城乡建设/城市建设和市政管理/公共汽车': 'jtj',
  '城乡建设/城市建设和市政管理/地铁城铁': 'jtj',
  '城乡建设/城市建设和市政管理/燃气供应': 'zjj',
  '城乡建设/城市建设和市政管理/小区管理': 'zjj',
  '城乡建设/城市建设和市政管理/冬季采暖': 'zjj',
  '城乡建设/城市建设和市政管理/基础设施': 'zjj',
  '城乡建设/城市建设和市政管理/自来水供应': 'slj',
  '城乡建设/城市建设和市政管理/电力供应': null,
  '城乡建设/城乡规划': 'zrzyj',
  '城乡建设/城乡规划/违章建筑': 'cgj',
  '城乡建设/村镇建设/新农村建设': 'nyncj',
  '城乡建设/村镇建设/小城镇建设': 'zjj',
  '城乡建设/工程质量': 'zjj',
  '城乡建设/国有土地上房屋征收与补偿': 'zjj',
  '城乡建设/集体土地上房屋拆迁与补偿': 'zrzyj',
  '城乡建设/建筑市场': 'zjj',
  '城乡建设/住房保障与房地产': 'zjj',
  '城乡建设/住房保障与房地产/住房公积金': 'gjj',
  '城乡建设/住房保障与房地产/房产证登记、办理': 'zrzyj',
  '国土资源/海洋气象地震': 'yjj',
  '国土资源/矿产资源管理': 'zrzyj',
  '国土资源/土地征收': 'zrzyj',
  '国土资源/土地资源管理': 'zrzyj',
  '环境保护/环保管理': 'sthjj',
  '环境保护/环境污染': 'sthjj',
  '环境保护/建设项目审批': 'sthjj',
  '交通运输/出租车管理': 'jtj',
  '交通运输/建设管理': 'jtj',
  '交通运输/交通运输': 'jtj',
  '交通运输/客货运输': 'jtj',
  '经济管理/安全生产': 'yjj',
  '科技与信息产业/知识产权': 'scjgj',
  '民政/福利慈善': 'mzj',
  '民政/基层选举和社区建设': 'mzj',
  '民政/救灾募捐': 'mzj',
  '民政/民间组织': 'mzj',
  '民政/区划地名': 'mzj',
  '民政/社会服务': 'mzj',
  '民政/社会救助': 'mzj',
  '农村农业/草原草场': 'nyncj',
  '农村农业/村务管理': 'nyncj',
  '农村农业/动物防疫': 'nyncj',
  '农村农业/扶贫开发': 'nyncj',
  '农村农业/惠农补贴': 'nyncj',
  '农村农业/林业管理/水土流失': 'slj',
  '农村农业/农副产品流通': 'nyncj',
  '农村农业/农垦农场': 'nyncj',
  '农村农业/农资农技': 'nyncj',
  '农村农业/水库移民': 'slj',
  '农村农业/水利水电': 'slj',
  '农村农业/土地承包经营': 'nyncj',
  '商贸旅游/旅游管理': 'wlj',
  '商贸旅游/商业贸易': 'swj',
  '商贸旅游/市场监管': 'scjgj',
  '商贸旅游/质监检验检疫': 'scjgj',
  '卫生计生/公共卫生': 'wjw',
  '卫生计生/人口计生': 'wjw',
  '卫生计生/食品药品监管': 'scjgj',
  '卫生计生/医患纠纷': 'wjw',
  '卫生计生/医政监管': 'wjw',
  '政法/户籍证件': 'gaj',
  '政法/交通管理': 'gaj',
  '政法/警务督察': 'gaj',
  '政法/社会治安': 'gaj',
  '政法/刑案侦破': 'gaj',
  '政法/仲裁与调解/劳动仲裁': 'rsj',
  '政法/仲裁与调解/人事仲裁': 'rsj',
  '教育文体/教师队伍和待遇': 'jyj',
  '教育文体/教育行政管理': 'jyj',
  '教育文体/教育收费': 'jyj',
  '教育文体/教育体制': 'jyj',
  '教育文体/考试招生': 'jyj',
  '教育文体/失学辍学': 'jyj',
  '教育文体/文化': 'wlj',
  '教育文体/文物管理': 'wlj',
  '劳动和社会保障/城镇居民社会保险': 'rsj',
  '劳动和社会保障/城镇居民社会保险/新农村合作医疗': 'ybj',
  '劳动和社会保障/城镇居民社会保险/城镇居民医疗保险': 'ybj',
  '劳动和社会保障/城镇职工社会保险': 'rsj',
  '劳动和社会保障/城镇职工社会保险/职工医疗保险': 'ybj',
  '劳动和社会保障/城镇职工社会保险/职工生育保险': 'ybj',
  '劳动和社会保障/工资福利': 'rsj',
  '劳动和社会保障/工资福利/住房公积金': 'gjj',
  '劳动和社会保障/就业培训': 'rsj',
  '劳动和社会保障/劳动保护': 'rsj',
  '劳动和社会保障/劳动关系': 'rsj',
  '劳动和社会保障/社保基金管理': 'rsj',
  '劳动和社会保障/退休政策及待遇': 'rsj',
};

export function unitForTopic(topic: AppealTopic): string | null {
  const fullPath = `${topic.level1}/${topic.level2}/${topic.level3}`;
  if (fullPath in unitByTopicPath) return unitByTopicPath[fullPath];
  return unitByTopicPath[`${topic.level1}/${topic.level2}`] ?? null;
}

/**
 * The column's categories for the taxonomy's first-level headings that taxonomy.json's fromTipdmLabels
 * does not cover (it only maps the seven labels of the training set).
 */
export const categoryByOtherLevel1: Record<string, string> = {
  农村农业: '农林水利',
  政法: '公共安全',
  民政: '民政社区',
  党务政务: '党政综合',
  经济管理: '商贸经济',
  国土资源: '城乡建设',
  科技与信息产业: '科教文体',
  纪检监察: '党政综合',
};

/**
 * Topics the appeal taxonomy files under a first level that is not the column's category for them: it
 * puts buses and metro under 城乡建设 (city services), while the column has 交通运输 for them.
 */
export const categoryByTopicPath: Record<string, string> = {
  '城乡建设/城市建设和市政管理/公共汽车': '交通运输',
  '城乡建设/城市建设和市政管理/地铁城铁': '交通运输',
};
