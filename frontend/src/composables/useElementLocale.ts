import { computed } from 'vue'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import elEn from 'element-plus/es/locale/lang/en'
import { useLocale } from './useLocale'

/** Element Plus locale object for <ElConfigProvider>, following the app language. */
export function useElementLocale() {
  const { locale } = useLocale()
  return computed(() => (locale.value === 'en' ? elEn : elZhCn))
}
