import type { MonthFigures } from '../../api/dashboard'
import type { ChartSeries } from './chartOptions'
import { monthKey, upToMonth } from './format'

type Translate = (key: string) => string

/** Points issued, deducted and redeemed per month, and households taking part (right axis). */
export function trendSeries(monthly: MonthFigures[], today: string, t: Translate): { months: string[]; series: ChartSeries[] } {
  const shown = upToMonth(monthly, today)
  return {
    months: shown.map((m) => monthKey(m.month)),
    series: [
      { name: t('dashboard.chart.issued'), data: shown.map((m) => m.pointsIssued) },
      { name: t('dashboard.chart.deducted'), data: shown.map((m) => m.pointsDeducted) },
      { name: t('dashboard.chart.redeemed'), data: shown.map((m) => m.pointsRedeemed) },
      { name: t('dashboard.chart.participants'), data: shown.map((m) => m.participants), yAxisIndex: 1 },
    ],
  }
}
