import { describe, expect, it } from 'vitest'
import { addMonths, currentMonth, monthsOf, periodFromQuery, periodToQuery, presetOf, presetRange } from './period'

describe('dashboard periods', () => {
  it('should take the month in Asia/Shanghai, where the evening of 31 May UTC is already June', () => {
    expect(currentMonth(new Date('2026-05-31T17:30:00Z'))).toBe('2026-06')
    expect(currentMonth(new Date('2026-05-31T15:30:00Z'))).toBe('2026-05')
  })

  it('should count months across the turn of a year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-11', 3)).toBe('2026-02')
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('should give each preset its months', () => {
    expect(presetRange('thisMonth', '2026-05')).toEqual({ from: '2026-05', to: '2026-05' })
    expect(presetRange('lastMonth', '2026-01')).toEqual({ from: '2025-12', to: '2025-12' })
    expect(presetRange('thisQuarter', '2026-05')).toEqual({ from: '2026-04', to: '2026-06' })
    expect(presetRange('thisQuarter', '2026-12')).toEqual({ from: '2026-10', to: '2026-12' })
    expect(presetRange('thisYear', '2026-05')).toEqual({ from: '2026-01', to: '2026-12' })
  })

  it('should recognise a preset from its months and call anything else custom', () => {
    expect(presetOf({ from: '2026-04', to: '2026-06' }, '2026-05')).toBe('thisQuarter')
    expect(presetOf({ from: '2026-04', to: '2026-04' }, '2026-05')).toBe('lastMonth')
    expect(presetOf({ from: '2026-02', to: '2026-04' }, '2026-05')).toBeNull()
  })

  it('should read the months of an address and fall back to the preset when there are none', () => {
    expect(periodFromQuery({ from: '2025-03', to: '2025-08' }, '2026-05')).toEqual({ from: '2025-03', to: '2025-08' })
    expect(periodFromQuery({}, '2026-05')).toEqual({ from: '2026-05', to: '2026-05' })
    expect(periodFromQuery({}, '2026-05', 'thisYear')).toEqual({ from: '2026-01', to: '2026-12' })
  })

  it('should put reversed months in order, take one month alone, and ignore what is not a month', () => {
    expect(periodFromQuery({ from: '2026-04', to: '2026-01' }, '2026-05')).toEqual({ from: '2026-01', to: '2026-04' })
    expect(periodFromQuery({ to: '2026-02' }, '2026-05')).toEqual({ from: '2026-02', to: '2026-02' })
    expect(periodFromQuery({ from: '2026-13', to: 'soon' }, '2026-05')).toEqual({ from: '2026-05', to: '2026-05' })
    expect(periodFromQuery({ from: '1999-12' }, '2026-05')).toEqual({ from: '2026-05', to: '2026-05' })
    expect(periodFromQuery({ from: ['2026-01', '2026-02'] }, '2026-05')).toEqual({ from: '2026-05', to: '2026-05' })
  })

  it('should write the months into the query and keep its other values', () => {
    expect(periodToQuery({ from: '2026-01', to: '2026-03' }, { tab: 'a', from: '2020-01' })).toEqual({
      tab: 'a',
      from: '2026-01',
      to: '2026-03',
    })
  })
})
