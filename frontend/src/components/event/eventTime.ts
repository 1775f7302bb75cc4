// Times of events: the server sends them with the village's +08:00 offset and the desk shows
// them as written (3月5日 09:30); the form's datetime-local fields are the browser's own clock.
import { useI18n } from 'vue-i18n'

export interface Clock {
  m: number
  d: number
  hh: string
  mm: string
}

/** The month, day, hour and minute written in a server time, e.g. 2025-03-05T09:30:00+08:00. */
export function clockOf(value: string | null | undefined): Clock | null {
  const match = value?.match(/^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)
  return match ? { m: Number(match[1]), d: Number(match[2]), hh: match[3], mm: match[4] } : null
}

/** 3月5日 09:30 */
export function useWhenText() {
  const { t } = useI18n()
  return (value: string | null | undefined): string => {
    const clock = clockOf(value)
    return clock ? t('events.when', { ...clock }) : ''
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A Date as a datetime-local field's value (browser clock, minutes). */
export function toInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A datetime-local field's value as ISO-8601 with the browser's offset, e.g. …T09:30:00+08:00. */
export function inputToIso(value: string): string | null {
  const date = new Date(value)
  if (!value || Number.isNaN(date.getTime())) return null
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${toInputValue(date)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The default window of a new event: from now (to the 5 minutes) for two hours. */
export function defaultWindow(now = new Date()): { starts: string; ends: string } {
  const start = new Date(now)
  start.setSeconds(0, 0)
  start.setMinutes(start.getMinutes() - (start.getMinutes() % 5))
  const end = new Date(start.getTime() + 2 * 60 * 60 * 1000)
  return { starts: toInputValue(start), ends: toInputValue(end) }
}
