// The villager's phone code: fetched from the server, shown with a countdown, and replaced by a
// fresh one about 10 s before it expires. Timing uses the lifetime the server sends, counted on
// this phone from when the code arrived, so a phone with a wrong clock still refreshes in time.
import { onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue'
import { shopApi, type QrToken } from '../../api/shop'

export interface RedemptionCodeOptions {
  /** seconds before expiry at which a fresh code is fetched (default 10) */
  leadSeconds?: number
  /** wait before trying again after a failed fetch (default 5 s) */
  retryMs?: number
  fetchToken?: (householdId: number) => Promise<QrToken>
}

/** Milliseconds after a code arrives at which to fetch the next one (at least 5 s). */
export function refreshDelayMs(lifetimeSeconds: number, leadSeconds = 10): number {
  return Math.max(5, lifetimeSeconds - leadSeconds) * 1000
}

export function useRedemptionCode(householdId: Ref<number | null>, opts: RedemptionCodeOptions = {}) {
  const lead = opts.leadSeconds ?? 10
  const retryMs = opts.retryMs ?? 5000
  const fetchToken = opts.fetchToken ?? shopApi.qrToken

  const token = ref<string | null>(null)
  const secondsLeft = ref(0)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let expiresAt = 0
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  let ticker: ReturnType<typeof setInterval> | null = null
  let generation = 0
  let stopped = false

  function tick(): void {
    secondsLeft.value = token.value ? Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000)) : 0
  }

  function schedule(ms: number): void {
    if (refreshTimer !== null) clearTimeout(refreshTimer)
    refreshTimer = stopped ? null : setTimeout(() => void refresh(), ms)
  }

  /** Fetches a fresh code now (also the manual 刷新 button). */
  async function refresh(): Promise<void> {
    const id = householdId.value
    if (id === null || stopped) return
    const mine = ++generation
    loading.value = true
    try {
      const fresh = await fetchToken(id)
      if (mine !== generation || stopped) return
      token.value = fresh.token
      expiresAt = Date.now() + fresh.lifetimeSeconds * 1000
      error.value = null
      schedule(refreshDelayMs(fresh.lifetimeSeconds, lead))
    } catch (err) {
      if (mine !== generation || stopped) return
      error.value = err
      schedule(retryMs)
    } finally {
      if (mine === generation) loading.value = false
      tick()
    }
  }

  // Timers sleep while the phone is locked or the tab hidden: on return, a stale code is replaced.
  function onVisibility(): void {
    if (document.visibilityState === 'visible' && (!token.value || expiresAt - Date.now() < lead * 1000)) void refresh()
  }

  function stop(): void {
    stopped = true
    if (refreshTimer !== null) clearTimeout(refreshTimer)
    if (ticker !== null) clearInterval(ticker)
    document.removeEventListener('visibilitychange', onVisibility)
  }

  onMounted(() => {
    ticker = setInterval(tick, 1000)
    document.addEventListener('visibilitychange', onVisibility)
    void refresh()
  })
  onBeforeUnmount(stop)

  return { token, secondsLeft, loading, error, refresh }
}
