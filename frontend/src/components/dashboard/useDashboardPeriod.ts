import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { currentMonth, periodFromQuery, periodToQuery, type MonthRange, type PeriodPreset } from './period'

/**
 * The period of a dashboard page, kept in the address (`?from=YYYY-MM&to=YYYY-MM`) so that a
 * link reproduces the view. Without months in the address the page shows `fallback`; `pin`
 * writes those months into the address at once (a copied link then names them).
 */
export function useDashboardPeriod(fallback: PeriodPreset = 'thisMonth', pin = true) {
  const route = useRoute()
  const router = useRouter()
  const today = currentMonth()
  const period = computed<MonthRange>(() => periodFromQuery(route.query, today, fallback))
  /** changes whenever the months change (not when an equal query object comes along) */
  const periodKey = computed(() => `${period.value.from}/${period.value.to}`)

  function setPeriod(range: MonthRange, replace = false): void {
    if (route.query.from === range.from && route.query.to === range.to) return
    const to = { query: periodToQuery(range, route.query) }
    void (replace ? router.replace(to) : router.push(to))
  }

  if (pin) setPeriod(period.value, true)
  return { period, periodKey, today, setPeriod }
}
