import { watch } from 'vue'
import { Locale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import vantEnUS from 'vant/es/locale/lang/en-US'
import { useLocale } from './useLocale'

/** Keeps Vant's built-in texts (placeholders, "loading") in the app language. */
export function useVantLocale(): void {
  const { locale } = useLocale()
  watch(
    locale,
    (l) => {
      if (l === 'en') Locale.use('en-US', vantEnUS)
      else Locale.use('zh-CN', vantZhCN)
    },
    { immediate: true },
  )
}
