import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { ApiError } from '../api/http'
import { authApi, type Me, type Role } from '../api/auth'
import { accessToken, clearTokens, refreshToken, saveTokens } from '../api/tokens'

export const ROLE_HOME: Record<Role, string> = {
  VILLAGER: '/villager',
  SHOP_ATTENDANT: '/shop',
  GROUP_LEADER: '/leader',
  VILLAGE_COMMITTEE: '/committee',
  TOWN_ADMIN: '/town',
  DISTRICT_ADMIN: '/district',
}

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  const hasSession = ref(accessToken() !== null)

  const role = computed<Role | null>(() => me.value?.role ?? null)
  const homePath = computed(() => (role.value ? ROLE_HOME[role.value] : '/login'))
  const displayName = computed(() => me.value?.displayName || me.value?.username || '')
  const scopeName = computed(() => {
    const m = me.value
    if (!m) return ''
    switch (m.role) {
      case 'DISTRICT_ADMIN':
        return m.districtName ?? ''
      case 'TOWN_ADMIN':
        return m.townName ?? ''
      case 'GROUP_LEADER':
      case 'VILLAGER':
        return [m.villageName, m.groupName].filter(Boolean).join(' · ')
      default:
        return m.villageName ?? ''
    }
  })

  async function loadMe(): Promise<Me> {
    me.value = await authApi.me()
    return me.value
  }

  /** Loads /api/me once per page load when a session exists; null when there is none. */
  async function ensureMe(): Promise<Me | null> {
    if (me.value) return me.value
    if (!hasSession.value) return null
    try {
      return await loadMe()
    } catch (err) {
      // a dead session ends here; a network failure keeps the tokens for the next try
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) clear()
      return null
    }
  }

  async function login(username: string, password: string): Promise<Me> {
    const tokens = await authApi.login(username, password)
    saveTokens(tokens)
    hasSession.value = true
    try {
      return await loadMe()
    } catch (err) {
      clear()
      throw err
    }
  }

  async function logout(): Promise<void> {
    const token = refreshToken()
    try {
      if (token) await authApi.logout(token)
    } catch {
      // the local session ends whatever the server says
    } finally {
      clear()
    }
  }

  function clear(): void {
    clearTokens()
    hasSession.value = false
    me.value = null
  }

  return { me, hasSession, role, homePath, displayName, scopeName, loadMe, ensureMe, login, logout, clear }
})
