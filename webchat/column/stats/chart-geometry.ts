/** Geometry of the column's charts (SVG, drawn by the page itself: no chart library in the bundle). */

/** Colours that keep 3:1 against white and against each other's neighbours; one per 诉求类型 in its order. */
export const chartColours = ['#0b57a4', '#b3261e', '#1f7a3a', '#8a4b00', '#6b3fa0', '#00707a', '#8f2d56', '#4b5563'];

export interface PieSlice {
  label: string;
  count: number;
  share: number;
  path: string;
  colour: string;
}

const point = (radius: number, turn: number) => {
  const angle = turn * 2 * Math.PI - Math.PI / 2;
  return `${(radius * Math.cos(angle)).toFixed(2)} ${(radius * Math.sin(angle)).toFixed(2)}`;
};

/**
 * Slices of a pie of `radius` centred on 0,0, clockwise from twelve o'clock; zero counts get no slice; one
 * slice that is the whole is drawn as a full circle (an arc cannot start and end at one point).
 */
export function pieSlices(items: { label: string; count: number }[], radius: number): PieSlice[] {
  const total = items.reduce((sum, item) => sum + item.count, 0);
  if (total === 0) return [];
  let start = 0;
  return items.flatMap((item, index) => {
    if (item.count <= 0) return [];
    const share = item.count / total;
    const end = start + share;
    const colour = chartColours[index % chartColours.length]!;
    const path =
      share >= 0.9999
        ? `M 0 ${-radius} A ${radius} ${radius} 0 1 1 0 ${radius} A ${radius} ${radius} 0 1 1 0 ${-radius} Z`
        : `M 0 0 L ${point(radius, start)} A ${radius} ${radius} 0 ${share > 0.5 ? 1 : 0} 1 ${point(radius, end)} Z`;
    start = end;
    return [{ label: item.label, count: item.count, share, path, colour }];
  });
}

/** "12.5%" with one decimal, "0%" for nothing. */
export const percent = (share: number) => (share === 0 ? '0%' : `${(Math.round(share * 1000) / 10).toString()}%`);

/** A round upper end for an axis: 360 → 400, 66 → 80, 7 → 8. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  return (steps.find((step) => step * magnitude >= value) ?? 10) * magnitude;
}
