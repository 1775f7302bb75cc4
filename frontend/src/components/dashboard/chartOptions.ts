// ECharts options of the dashboards, built from plain figures (pages never write chart plumbing).
import type { ChartOption } from './echarts'

export interface ChartSeries {
  name: string
  data: number[]
  /** 1: drawn against the right-hand axis of a trend */
  yAxisIndex?: 0 | 1
}

export interface ChartLook {
  /** text size of axes, legend and tooltip; the big screen uses larger type */
  fontSize?: number
}

export const CHART_COLORS = ['#2f7dd1', '#d9534f', '#e6a23c', '#2e9e6a', '#8e6cc9']

const percentText = (v: unknown) => `${String(v)}%`

function common(series: ChartSeries[], look: ChartLook): ChartOption {
  const fontSize = look.fontSize ?? 12
  return {
    color: CHART_COLORS,
    textStyle: { fontSize },
    legend: series.length > 1 ? { top: 0, textStyle: { fontSize } } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? fontSize * 2.5 : 16, bottom: 8, containLabel: true },
  }
}

/**
 * Bars for a few categories; `percent` puts a 0–100 % scale on the value axis, `horizontal`
 * lays the bars sideways (long names, many villages).
 */
export function barOption(
  categories: string[],
  series: ChartSeries[],
  opts: { percent?: boolean; horizontal?: boolean; rotate?: number; look?: ChartLook } = {},
): ChartOption {
  const look = opts.look ?? {}
  const fontSize = look.fontSize ?? 12
  const valueAxis = {
    type: 'value' as const,
    max: opts.percent ? 100 : undefined,
    minInterval: 1,
    axisLabel: { fontSize, formatter: opts.percent ? '{value}%' : '{value}' },
  }
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: opts.horizontal,
    axisLabel: { fontSize, interval: 0, rotate: opts.rotate ?? 0, hideOverlap: !opts.horizontal && !opts.rotate },
  }
  return {
    ...common(series, look),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      textStyle: { fontSize },
      valueFormatter: opts.percent ? percentText : undefined,
    },
    xAxis: opts.horizontal ? valueAxis : categoryAxis,
    yAxis: opts.horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 36 })),
  }
}

/** Lines month by month; series with yAxisIndex 1 (e.g. households) use a right-hand axis. */
export function trendOption(months: string[], series: ChartSeries[], look: ChartLook = {}): ChartOption {
  const fontSize = look.fontSize ?? 12
  const right = series.some((s) => s.yAxisIndex === 1)
  const axis = (position: 'left' | 'right') => ({
    type: 'value' as const,
    position,
    minInterval: 1,
    splitLine: { show: position === 'left' },
    axisLabel: { fontSize },
  })
  return {
    ...common(series, look),
    tooltip: { trigger: 'axis', textStyle: { fontSize } },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { fontSize } },
    yAxis: right ? [axis('left'), axis('right')] : axis('left'),
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      yAxisIndex: right ? (s.yAxisIndex ?? 0) : undefined,
      smooth: true,
      symbolSize: Math.round(fontSize / 2),
      lineStyle: { width: Math.max(2, Math.round(fontSize / 6)) },
    })),
  }
}

/** Height for sideways bars: enough room per bar, never smaller than `min`. */
export function barsHeight(count: number, perBar = 28, min = 240): string {
  return `${Math.max(min, count * perBar + 60)}px`
}
