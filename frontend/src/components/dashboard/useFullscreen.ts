import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The Fullscreen API for the whole page: toggled on a click, left again with the component. */
export function useFullscreen() {
  const active = ref(false)
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true
  const sync = () => {
    active.value = document.fullscreenElement !== null
  }

  async function toggle(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen()
      else await document.documentElement.requestFullscreen()
    } catch {
      // refused by the browser (no user gesture, or a kiosk policy): the page fills the window anyway
    }
  }

  onMounted(() => document.addEventListener('fullscreenchange', sync))
  onBeforeUnmount(() => {
    document.removeEventListener('fullscreenchange', sync)
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
  })
  return { active, supported, toggle }
}
