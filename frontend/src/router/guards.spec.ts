import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from './index'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import type { Role } from '../api/auth'

function signedInAs(role: Role): void {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  installFakeApi({ 'GET /api/me': () => demoMe[role] })
}

async function visit(path: string): Promise<string> {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  return router.currentRoute.value.fullPath
}

describe('route guard', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('should send a visitor without a session to login and remember the page', async () => {
    expect(await visit('/committee')).toBe('/login?redirect=/committee')
  })

  it('should open the root as the login page', async () => {
    expect(await visit('/')).toBe('/login')
  })

  it('should send a signed-in user from login to the home of the role', async () => {
    signedInAs('SHOP_ATTENDANT')
    expect(await visit('/login')).toBe('/shop')
  })

  it('should keep a villager out of the committee area', async () => {
    signedInAs('VILLAGER')
    expect(await visit('/committee')).toBe('/villager')
  })

  it('should let town staff open a village of the town', async () => {
    signedInAs('TOWN_ADMIN')
    expect(await visit('/town/villages/100')).toBe('/town/villages/100')
  })

  it('should show the not-found page for unknown addresses', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })
})
