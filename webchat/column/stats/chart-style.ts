/** What the column's charts share: colours, type, and the share of a whole as people read it. */

/** Colours that keep 3:1 against white and against each other's neighbours; one per 诉求类型 in its order. */
export const chartColours = ['#0b57a4', '#b3261e', '#1f7a3a', '#8a4b00', '#6b3fa0', '#00707a', '#8f2d56', '#4b5563'];

/**
 * The page's text colour, size and fonts (column.css), so the charts read like the tables under them. A real
 * font list, not 'inherit': ECharts measures labels on a canvas, where 'inherit' is no font and measures short.
 */
export const chartText = {
  color: '#1f2328',
  fontSize: 14,
  fontFamily: "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
} as const;

/** "12.5%" with one decimal, "0%" for nothing. */
export const percent = (share: number) => (share === 0 ? '0%' : `${(Math.round(share * 1000) / 10).toString()}%`);
