import { useI18n } from 'vue-i18n'
import { dayOf } from '../notice/noticeBoard'

/** A date or server time as the village reads it: 2025年3月5日. */
export function useDayText() {
  const { t } = useI18n()
  return (value: string | null | undefined): string => {
    const day = dayOf(value ?? null)
    return day ? t('earning.common.date', day) : ''
  }
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return today(new Date(y, m - 1, d + days))
}
