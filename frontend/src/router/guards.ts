import type { Router } from 'vue-router'
import { useAuthStore } from '../stores/auth'

/** Sends visitors without a session to /login, and each role to its own area only. */
export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    const me = await auth.ensureMe()
    if (to.name === 'login') return me ? auth.homePath : true
    if (to.meta.public) return true
    if (!me) return { name: 'login', query: { redirect: to.fullPath } }
    if (to.meta.roles && !to.meta.roles.includes(me.role)) return auth.homePath
    return true
  })
}
