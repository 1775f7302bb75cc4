import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { LOCALE_STORAGE_KEY, type AppLocale } from '../i18n'

/** The app language: read, switch, and remember it on this device. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' })
  const current = computed(() => locale.value as AppLocale)
  const other = computed<AppLocale>(() => (current.value === 'zh-CN' ? 'en' : 'zh-CN'))

  function setLocale(next: AppLocale): void {
    locale.value = next
    localStorage.setItem(LOCALE_STORAGE_KEY, next)
    document.documentElement.lang = next
  }

  return { locale: current, other, setLocale }
}
