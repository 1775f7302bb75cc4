// Keeps the screen on while the villager shows the code (Screen Wake Lock API where the browser
// has it; it needs https or localhost). Failures are ignored: the page works without it.
import { onBeforeUnmount, onMounted } from 'vue'

export function useWakeLock() {
  let lock: WakeLockSentinel | null = null
  let active = true

  async function acquire(): Promise<void> {
    if (!active || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return
    try {
      lock = await navigator.wakeLock.request('screen')
    } catch {
      lock = null
    }
  }

  // the browser drops the lock whenever the page is hidden
  function onVisibility(): void {
    if (document.visibilityState === 'visible') void acquire()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void acquire()
  })
  onBeforeUnmount(() => {
    active = false
    document.removeEventListener('visibilitychange', onVisibility)
    void lock?.release().catch(() => {})
    lock = null
  })
}
