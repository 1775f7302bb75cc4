import { ref, shallowRef, type Ref } from 'vue'

/** Loads data once (and again on reload), keeping loading and error state for the page. */
export function useAsyncData<T>(loader: () => Promise<T>, immediate = true) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref<unknown>(null)
  let seq = 0

  async function reload(): Promise<void> {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const result = await loader()
      if (mine === seq) data.value = result
    } catch (err) {
      if (mine === seq) error.value = err
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  if (immediate) void reload()
  return { data, loading, error, reload }
}
