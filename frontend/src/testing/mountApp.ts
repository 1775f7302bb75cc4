import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from '../App.vue'
import { createAppI18n, type AppLocale } from '../i18n'
import { createAppRouter } from '../router'

export interface MountOptions {
  locale?: AppLocale
  /** called for every message key vue-i18n cannot find */
  onMissing?: (key: string) => void
}

/** Mounts the whole app (router, store, i18n) at a path, as a browser would open it. */
export async function mountAt(path: string, opts: MountOptions = {}) {
  const i18n = createAppI18n(opts.locale ?? 'zh-CN')
  if (opts.onMissing) {
    const onMissing = opts.onMissing
    i18n.global.setMissingHandler((_locale, key) => {
      onMissing(key)
      return key
    })
  }
  const router = createAppRouter(createMemoryHistory())
  const pinia = createPinia()
  setActivePinia(pinia)
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router, i18n }
}
