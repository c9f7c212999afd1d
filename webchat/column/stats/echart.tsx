import { useEffect, useRef } from 'preact/hooks';
import { init, type ChartOption } from './echarts-setup';

export interface EChartProps {
  option: ChartOption;
  /** Announced instead of the drawing: the table beside the chart holds the figures. */
  summary: string;
  /** The chart's class (its size comes from column.css) and its height in pixels, which depends on the data. */
  className: string;
  height: number;
  /** Called with the data item's name when a bar or slice is clicked or tapped. */
  onSelect?: ((name: string) => void) | undefined;
}

/**
 * One ECharts drawing in a box that is a single labelled image to assistive technology (the figures are in the
 * table beside it, the keyboard's way in is the table's buttons). The drawing follows the box's width, so it
 * shrinks with the page at 375 px and with the 大字 switch.
 */
export function EChart({ option, summary, className, height, onSelect }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = box.current!;
    const drawn = init(element, undefined, { renderer: 'svg' });
    chart.current = drawn;
    drawn.on('click', (event) => select.current?.(event.name));
    const resize = new ResizeObserver(() => drawn.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      drawn.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    chart.current?.resize();
  }, [option, height]);

  return (
    <div
      ref={box}
      class={`chart ${className}${onSelect ? ' selectable' : ''}`}
      style={{ height: `${height}px` }}
      role="img"
      aria-label={summary}
    />
  );
}
