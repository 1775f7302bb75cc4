import { useI18n } from 'vue-i18n'
import { ApiError } from '../api/http'

/** One plain sentence for an error: the server's Chinese detail when it sent one. */
export function useErrorText() {
  const { t } = useI18n()
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.code === 'NETWORK') return t('errors.network')
      if (err.detail) return err.detail
    }
    return t('errors.generic')
  }
}
