import { describe, expect, it } from 'vitest'
import { formatClock, formatMonth, formatNumber, formatPercent, formatRange, formatYuan, monthKey, percentValue, upToMonth } from './format'

describe('dashboard formatting', () => {
  it('should write numbers with thousands separators', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-42)).toBe('-42')
    expect(formatNumber(12.25)).toBe('12.3')
  })

  it('should write rates as percentages with one decimal and a dash when there is none', () => {
    expect(formatPercent(0.4567)).toBe('45.7%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatPercent(0.00049)).toBe('0.0%')
    expect(formatPercent(null)).toBe('—')
    expect(percentValue(0.8123)).toBe(81.2)
    expect(percentValue(null)).toBe(0)
  })

  it('should write yuan with at most two decimals', () => {
    expect(formatYuan(1234.5)).toBe('¥1,234.5')
    expect(formatYuan(80)).toBe('¥80')
    expect(formatYuan(0.125)).toBe('¥0.13')
  })

  it('should name months and periods in the language of the page', () => {
    expect(monthKey('2026-05-01')).toBe('2026-05')
    expect(formatMonth('2026-05')).toBe('2026年5月')
    expect(formatMonth('2026-05', 'en')).toBe('May 2026')
    expect(formatRange({ from: '2026-05', to: '2026-05' })).toBe('2026年5月')
    expect(formatRange({ from: '2026-01', to: '2026-03' })).toBe('2026年1月 – 2026年3月')
  })

  it('should show the time of an update in Asia/Shanghai', () => {
    expect(formatClock(new Date('2026-05-10T01:05:00Z'))).toBe('09:05')
    expect(formatClock(new Date('2026-05-10T16:30:00Z'))).toBe('00:30')
  })

  it('should leave months still to come out of a trend', () => {
    const months = ['2026-01-01', '2026-02-01', '2026-03-01'].map((month) => ({ month }))
    expect(upToMonth(months, '2026-02').map((m) => m.month)).toEqual(['2026-01-01', '2026-02-01'])
    expect(upToMonth(months, '2025-12').map((m) => m.month)).toEqual(['2026-01-01'])
  })
})
