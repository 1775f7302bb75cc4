import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Calls `tick` every `ms` while the component is mounted; the timer ends with the component
 * (leaving the route), so nothing keeps running in the background.
 */
export function useInterval(tick: () => void, ms: number): void {
  let timer: ReturnType<typeof setInterval> | null = null
  onMounted(() => {
    timer = setInterval(tick, ms)
  })
  onBeforeUnmount(() => {
    if (timer !== null) clearInterval(timer)
    timer = null
  })
}
