import { describe, expect, it } from 'vitest'
import { clockOf, defaultWindow, inputToIso, toInputValue } from './eventTime'

describe('event times', () => {
  it('should read the clock written in a server time', () => {
    expect(clockOf('2025-03-05T09:07:00+08:00')).toEqual({ m: 3, d: 5, hh: '09', mm: '07' })
    expect(clockOf(null)).toBeNull()
  })

  it('should turn a datetime-local value into ISO with the browser offset and back', () => {
    const iso = inputToIso('2025-03-05T09:30')
    expect(iso).toMatch(/^2025-03-05T09:30:00[+-]\d{2}:\d{2}$/)
    expect(new Date(iso as string).getTime()).toBe(new Date('2025-03-05T09:30').getTime())
    expect(inputToIso('')).toBeNull()
    expect(toInputValue(new Date(2025, 2, 5, 9, 30))).toBe('2025-03-05T09:30')
  })

  it('should open a new event from now, to the 5 minutes, for two hours', () => {
    expect(defaultWindow(new Date(2025, 2, 5, 9, 33, 20))).toEqual({ starts: '2025-03-05T09:30', ends: '2025-03-05T11:30' })
  })
})
