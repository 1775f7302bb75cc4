// Dashboard periods as whole months (YYYY-MM), computed in Asia/Shanghai like the server's.
import type { LocationQuery } from 'vue-router'

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear'
export const PERIOD_PRESETS: PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear']

/** First and last month of a period, both YYYY-MM. */
export interface MonthRange {
  from: string
  to: string
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
export const PERIOD_ZONE = 'Asia/Shanghai'

/** The month of `now` in Asia/Shanghai, e.g. 2026-05. */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: PERIOD_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}`
}

export function isMonth(text: unknown): text is string {
  const m = typeof text === 'string' ? MONTH.exec(text) : null
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2100
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The months of a preset relative to the current month. */
export function presetRange(preset: PeriodPreset, today: string): MonthRange {
  const [year, month] = today.split('-').map(Number)
  switch (preset) {
    case 'thisMonth':
      return { from: today, to: today }
    case 'lastMonth': {
      const last = addMonths(today, -1)
      return { from: last, to: last }
    }
    case 'thisQuarter': {
      const first = addMonths(`${year}-01`, Math.floor((month - 1) / 3) * 3)
      return { from: first, to: addMonths(first, 2) }
    }
    case 'thisYear':
      return { from: `${year}-01`, to: `${year}-12` }
  }
}

/** The preset a range stands for today, or null for a custom range. */
export function presetOf(range: MonthRange, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => sameRange(presetRange(p, today), range)) ?? null
}

export function sameRange(a: MonthRange, b: MonthRange): boolean {
  return a.from === b.from && a.to === b.to
}

/**
 * The period a page address asks for: `?from=YYYY-MM&to=YYYY-MM`. One month alone stands for
 * itself, reversed months are put in order, anything unreadable falls back to the preset.
 */
export function periodFromQuery(query: LocationQuery, today: string, fallback: PeriodPreset = 'thisMonth'): MonthRange {
  const from = isMonth(query.from) ? query.from : null
  const to = isMonth(query.to) ? query.to : null
  if (!from && !to) return presetRange(fallback, today)
  const a = from ?? to!
  const b = to ?? from!
  return a <= b ? { from: a, to: b } : { from: b, to: a }
}

/** The address query of a period (other query values are kept). */
export function periodToQuery(range: MonthRange, query: LocationQuery = {}): LocationQuery {
  return { ...query, from: range.from, to: range.to }
}

/** Every month of a range, in order. */
export function monthsOf(range: MonthRange): string[] {
  const out: string[] = []
  for (let m = range.from; m <= range.to && out.length < 240; m = addMonths(m, 1)) out.push(m)
  return out
}
