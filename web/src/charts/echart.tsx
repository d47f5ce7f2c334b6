// A chart on a div: init once, setOption on every new option, follow the container's size, dispose
// on unmount. Each chart's meaning lives in its pure `*-option.ts`; this component knows none of it.
import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup.ts';
import type { ChartOption } from './chart-option.ts';

export interface EChartProps {
  option: ChartOption;
  height?: number;
}

export function EChart({ option, height = 320 }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a shorter series list must replace, not patch, the previous one.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} style={{ width: '100%', height }} />;
}
