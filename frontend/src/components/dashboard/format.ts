// How dashboard figures are written: the same everywhere, so a figure on the page can be
// compared with the API's answer.
import { PERIOD_ZONE, type MonthRange } from './period'

/** Whole numbers with thousands separators: 12345 → 12,345. */
export function formatNumber(n: number, locale = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)
}

/** A fraction as a percentage with one decimal: 0.4567 → 45.7%; null → —. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** A fraction as a number of percent for charts: 0.4567 → 45.7. */
export function percentValue(rate: number | null | undefined): number {
  return rate === null || rate === undefined ? 0 : Math.round(rate * 1000) / 10
}

/** Yuan with at most two decimals: 1234.5 → ¥1,234.5. */
export function formatYuan(value: number, locale = 'zh-CN'): string {
  return `¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}`
}

/** A month as chart axes show it: 2026-05-01 or 2026-05 → 2026-05. */
export function monthKey(month: string): string {
  return month.slice(0, 7)
}

/** A month in words: 2026-05 → 2026年5月 / May 2026. */
export function formatMonth(month: string, locale = 'zh-CN'): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1))
}

/** A period in words: one month alone, otherwise first – last. */
export function formatRange(range: MonthRange, locale = 'zh-CN'): string {
  const from = formatMonth(range.from, locale)
  return range.from === range.to ? from : `${from} – ${formatMonth(range.to, locale)}`
}

/** Hours and minutes in Asia/Shanghai: 09:05. */
export function formatClock(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: PERIOD_ZONE }).format(at)
}

/** Months after `today` (YYYY-MM) carry no figures yet; trends stop at the current month. */
export function upToMonth<T extends { month: string }>(months: T[], today: string): T[] {
  const past = months.filter((m) => monthKey(m.month) <= today)
  return past.length ? past : months.slice(0, 1)
}
