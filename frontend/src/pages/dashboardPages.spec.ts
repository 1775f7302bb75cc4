import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Role } from '../api/auth'
import { saveTokens } from '../api/tokens'
import type { AppLocale } from '../i18n'
import dashboardZhCN from '../i18n/dashboard.zh-CN'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { demoAreaDashboard, demoVillageDashboard } from '../testing/dashboardDemoData'
import { mountAt } from '../testing/mountApp'

type Tree = { [key: string]: string | Tree }
const allKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : allKeys(v, `${prefix}${k}.`)))
const KEYS = allKeys(dashboardZhCN as Tree)
const KEY_LIKE = /\bdashboard\.[a-zA-Z.]+/

function fakeBackend(role: Role) {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  return installFakeApi({
    'GET /api/me': () => demoMe[role],
    'GET /api/villages/*/dashboard': () => demoVillageDashboard,
    'GET /api/towns/*/dashboard': () => demoAreaDashboard('TOWN'),
    'GET /api/districts/*/dashboard': () => demoAreaDashboard('DISTRICT'),
  })
}

const stat = (id: string) => document.querySelector(`[data-test="stat-${id}"] [data-test="stat-value"]`)?.textContent?.trim()

const pages: { path: string; role: Role; api: string; ready: string }[] = [
  { path: '/committee/dashboard?from=2026-04&to=2026-05', role: 'VILLAGE_COMMITTEE', api: '/api/villages/100/dashboard', ready: '[data-test="shop-panel"]' },
  { path: '/town/villages/100/dashboard?from=2026-04&to=2026-05', role: 'TOWN_ADMIN', api: '/api/villages/100/dashboard', ready: '[data-test="shop-panel"]' },
  { path: '/district/villages/100/dashboard?from=2026-04&to=2026-05', role: 'DISTRICT_ADMIN', api: '/api/villages/100/dashboard', ready: '[data-test="shop-panel"]' },
  { path: '/town/dashboard?from=2026-04&to=2026-05', role: 'TOWN_ADMIN', api: '/api/towns/10/dashboard', ready: '[data-test="ranking"] .el-table__row' },
  { path: '/district/dashboard?from=2026-04&to=2026-05', role: 'DISTRICT_ADMIN', api: '/api/districts/1/dashboard', ready: '[data-test="ranking"] .el-table__row' },
  { path: '/district/big-screen?from=2026-04&to=2026-05', role: 'DISTRICT_ADMIN', api: '/api/districts/1/dashboard', ready: '[data-test="big-ranking-row"]' },
]

// the first mount transforms ECharts and much of Element Plus: do it once, outside the tests' time
beforeAll(async () => {
  await Promise.all([import('./VillageDashboardPage.vue'), import('./AreaDashboardPage.vue'), import('./DistrictBigScreenPage.vue')])
}, 60_000)

describe.each<AppLocale>(['zh-CN', 'en'])('dashboard pages in %s', (locale) => {
  it.each(pages)('should render $path from its API without raw message keys', async ({ path, role, api, ready }) => {
    const { calls } = fakeBackend(role)
    const missing: string[] = []
    const { router } = await mountAt(path, { locale, onMissing: (key) => missing.push(key) })
    await vi.waitFor(() => expect(document.querySelector(ready)).not.toBeNull(), { timeout: 8000 })
    expect(router.currentRoute.value.fullPath).toBe(path)
    const asked = calls.find((c) => c.path.endsWith('/dashboard'))
    expect(asked?.path).toBe(api)
    expect(Object.fromEntries(asked?.query ?? [])).toEqual({ from: '2026-04', to: '2026-05' })

    expect(stat('households')).toBe(path.includes('/villages/') || path.startsWith('/committee') ? '1,234' : '2,468')
    expect(stat('participation')).toBe('45.7%')
    expect(stat('clean')).toBe('90.0%')
    const text = document.body.textContent ?? ''
    expect(missing).toEqual([])
    expect(KEYS.filter((key) => text.includes(key))).toEqual([])
    expect(text).not.toMatch(KEY_LIKE)
  })
})

describe('the village dashboard', () => {
  it('should say 本期未评比 when no rating round closed by the end of the period', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({
      'GET /api/me': () => demoMe.VILLAGE_COMMITTEE,
      'GET /api/villages/*/dashboard': () => ({ ...demoVillageDashboard, cleanHouseholdRate: null, ratedHouseholds: 0, rating: null }),
    })
    await mountAt('/committee/dashboard')
    await vi.waitFor(() => expect(stat('clean')).toBe('本期未评比'), { timeout: 8000 })
    expect(document.querySelector('[data-test="stat-clean"]')?.textContent).toContain('期末前没有结束的评比')
  })

  it('should show the server’s sentence when it refuses the period', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({
      'GET /api/me': () => demoMe.VILLAGE_COMMITTEE,
      'GET /api/villages/*/dashboard': () =>
        new Response(JSON.stringify({ status: 400, code: 'BAD_PERIOD', detail: '统计期间最长 10 年' }), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    })
    await mountAt('/committee/dashboard?from=2001-01&to=2026-05')
    await vi.waitFor(() => expect(document.body.textContent).toContain('统计期间最长 10 年'), { timeout: 8000 })
  })
})
