import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAuthStore } from './auth'
import { accessToken, refreshToken, saveTokens } from '../api/tokens'
import { installFakeApi, problem } from '../testing/fakeApi'
import { demoMe, loginReply } from '../testing/demoData'

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('should keep the tokens and load /api/me after login', async () => {
    const api = installFakeApi({
      'POST /api/login': () => loginReply('VILLAGE_COMMITTEE'),
      'GET /api/me': () => demoMe.VILLAGE_COMMITTEE,
    })
    const auth = useAuthStore()

    await auth.login('lixin-committee', 'demo123')

    expect(accessToken()).toBe('access-1')
    expect(refreshToken()).toBe('refresh-1')
    expect(api.calls[1].headers.get('Authorization')).toBe('Bearer access-1')
    expect(auth.me?.villageName).toBe('立新村')
    expect(auth.homePath).toBe('/committee')
    expect(auth.scopeName).toBe('立新村')
  })

  it('should leave no session when the password is wrong', async () => {
    installFakeApi({ 'POST /api/login': () => problem(401, 'BAD_CREDENTIALS', '用户名或密码错误') })
    const auth = useAuthStore()

    await expect(auth.login('lixin-committee', 'nope')).rejects.toMatchObject({ detail: '用户名或密码错误' })
    expect(auth.hasSession).toBe(false)
    expect(accessToken()).toBeNull()
  })

  it.each([
    ['VILLAGER', '/villager', '立新村 · 第一组'],
    ['SHOP_ATTENDANT', '/shop', '立新村'],
    ['GROUP_LEADER', '/leader', '立新村 · 第一组'],
    ['TOWN_ADMIN', '/town', '正岔街道'],
    ['DISTRICT_ADMIN', '/district', '江源区'],
  ] as const)('should send a %s home to %s with scope %s', async (role, home, scope) => {
    installFakeApi({ 'POST /api/login': () => loginReply(role), 'GET /api/me': () => demoMe[role] })
    const auth = useAuthStore()

    await auth.login(demoMe[role].username, 'x')
    expect(auth.homePath).toBe(home)
    expect(auth.scopeName).toBe(scope)
  })

  it('should revoke the refresh token on logout and clear the session', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    const api = installFakeApi({ 'GET /api/me': () => demoMe.VILLAGER, 'POST /api/logout': () => null })
    const auth = useAuthStore()
    await auth.ensureMe()

    await auth.logout()

    expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/logout', body: { refresh_token: 'R' } })
    expect(auth.me).toBeNull()
    expect(auth.hasSession).toBe(false)
    expect(accessToken()).toBeNull()
  })

  it('should clear the session on logout even when the server cannot be reached', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({ 'POST /api/logout': () => problem(503, 'UNAVAILABLE', '服务暂不可用') })
    const auth = useAuthStore()

    await auth.logout()
    expect(auth.hasSession).toBe(false)
    expect(refreshToken()).toBeNull()
  })

  it('should restore the user from stored tokens after a reload', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({ 'GET /api/me': () => demoMe.TOWN_ADMIN })
    const auth = useAuthStore()

    await expect(auth.ensureMe()).resolves.toMatchObject({ role: 'TOWN_ADMIN' })
    expect(auth.homePath).toBe('/town')
  })

  it('should drop stored tokens that the server no longer accepts', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({
      'GET /api/me': () => problem(401, 'UNAUTHORIZED', '请先登录'),
      'POST /api/token/refresh': () => problem(401, 'BAD_REFRESH', '请重新登录'),
    })
    const auth = useAuthStore()

    await expect(auth.ensureMe()).resolves.toBeNull()
    expect(auth.hasSession).toBe(false)
    expect(accessToken()).toBeNull()
  })
})
