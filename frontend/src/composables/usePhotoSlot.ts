import { onBeforeUnmount, ref, useTemplateRef, watch } from 'vue'
import { useErrorText } from './useErrorText'

/**
 * One photo shown as a thumbnail (an object URL of the fetched image, released when replaced
 * or unmounted) with 拍照/换照片: the chosen file goes to `upload`, then the new image is shown.
 * The component's file input carries `ref="input"` (cleared after each upload). `has` says
 * whether the server holds a photo; a failure becomes the server's Chinese detail.
 * Used by the rating results and the inspection findings and tasks.
 */
export function usePhotoSlot(has: () => boolean, load: () => Promise<Blob>, upload: (file: File) => Promise<void>) {
  const errorText = useErrorText()
  const present = ref(has())
  const url = ref<string | null>(null)
  const busy = ref(false)
  const problem = ref('')
  const input = useTemplateRef<HTMLInputElement>('input') // the template's <input ref="input">

  function drop(): void {
    if (url.value) URL.revokeObjectURL(url.value)
    url.value = null
  }

  async function show(): Promise<void> {
    try {
      const blob = await load()
      drop()
      url.value = URL.createObjectURL(blob)
    } catch (err) {
      problem.value = errorText(err)
    }
  }

  async function onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0]
    if (!file) return
    busy.value = true
    problem.value = ''
    try {
      await upload(file)
      present.value = true
      await show()
    } catch (err) {
      problem.value = errorText(err)
    } finally {
      busy.value = false
      if (input.value) input.value.value = ''
    }
  }

  watch(
    has,
    (value) => {
      present.value = value
      if (value && !url.value) void show()
    },
    { immediate: true },
  )
  onBeforeUnmount(drop)
  return { present, url, busy, problem, onFile }
}
