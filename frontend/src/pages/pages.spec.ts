import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { messages } from '../i18n'
import type { AppLocale } from '../i18n'
import type { Role } from '../api/auth'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoGroups, demoHousehold, demoMe, demoPage, demoPassbook, demoVillages } from '../testing/demoData'
import { mountAt } from '../testing/mountApp'
import { demoCardHolder, demoDonation, demoDonors, demoProducts, demoQrToken, demoVoucher } from '../testing/shopDemoData'

type Tree = { [key: string]: string | Tree }
const allKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : allKeys(v, `${prefix}${k}.`)))
const KEYS = allKeys(messages['zh-CN'] as Tree)
const KEY_LIKE = /\b[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*(\.[a-zA-Z]+)*\b/

interface PageCase {
  path: string
  role: Role | null
  /** text that shows the page has loaded its data */
  shows: string
  /** an extra step, e.g. opening a household's details */
  then?: (wrapper: VueWrapper) => Promise<void>
}

const cases: PageCase[] = [
  { path: '/login', role: null, shows: '' },
  { path: '/villager', role: 'VILLAGER', shows: '王芳' },
  { path: '/villager/passbook', role: 'VILLAGER', shows: '清洁家庭' },
  {
    path: '/shop',
    role: 'SHOP_ATTENDANT',
    shows: '立新村',
    then: async (w) => {
      await w.find('[data-test="scan-input"]').setValue('VP1.ABCDEFGHJKLM.sig')
      await w.find('[data-test="scan-form"]').trigger('submit')
      await vi.waitFor(() => expect(document.body.textContent).toContain('洗衣粉'))
    },
  },
  { path: '/shop/stock', role: 'SHOP_ATTENDANT', shows: '爱心企业' },
  { path: '/shop/stock', role: 'VILLAGE_COMMITTEE', shows: '爱心企业' },
  { path: '/shop/donations', role: 'SHOP_ATTENDANT', shows: '爱心企业' },
  { path: '/shop/donations', role: 'VILLAGE_COMMITTEE', shows: '肥皂' },
  {
    path: '/shop/households',
    role: 'SHOP_ATTENDANT',
    shows: 'LX-003',
    then: async (w) => {
      await w.find('[data-test="household-list"] .van-cell').trigger('click')
      await vi.waitFor(() => expect(document.body.textContent).toContain('立新村一社 8 号'))
    },
  },
  { path: '/villager/code', role: 'VILLAGER', shows: 'LX-001' },
  { path: '/leader', role: 'GROUP_LEADER', shows: 'LX-002' },
  {
    path: '/committee',
    role: 'VILLAGE_COMMITTEE',
    shows: 'LX-003',
    then: async (w) => {
      await w.find('.el-table__row').trigger('click')
      await vi.waitFor(() => expect(document.body.textContent).toContain('立新村一社 8 号'))
      ;(document.querySelector('#tab-passbook') as HTMLElement).click()
      await vi.waitFor(() => expect(document.body.textContent).toContain('补录 3 月志愿服务'))
    },
  },
  { path: '/committee/import', role: 'VILLAGE_COMMITTEE', shows: 'CSV' },
  { path: '/committee/cards', role: 'VILLAGE_COMMITTEE', shows: '立新村' },
  { path: '/committee/exports', role: 'VILLAGE_COMMITTEE', shows: '立新村' },
  { path: '/town', role: 'TOWN_ADMIN', shows: '爱林村' },
  { path: '/town/villages/100', role: 'TOWN_ADMIN', shows: 'LX-002' },
  { path: '/district', role: 'DISTRICT_ADMIN', shows: '城墙街道' },
  { path: '/district/villages/200', role: 'DISTRICT_ADMIN', shows: 'LX-001' },
  { path: '/no/such/page', role: null, shows: '404' },
]

function fakeBackend(role: Role | null): void {
  if (role) saveTokens({ access_token: 'A', refresh_token: 'R' })
  installFakeApi({
    'GET /api/me': () => (role ? demoMe[role] : null),
    'GET /api/villages': () => demoVillages,
    'GET /api/villages/*/groups': () => demoGroups,
    'GET /api/villages/*/households': () => demoPage(),
    'GET /api/households/*': () => demoHousehold,
    'GET /api/households/*/entries': () => demoPassbook(),
    'GET /api/villages/*/products': () => demoProducts,
    'GET /api/villages/*/shop-policy': () => ({ cardFactor: 'PIN' }),
    'GET /api/villages/*/donations/by-donor': () => demoDonors,
    'GET /api/villages/*/donations': () => ({ items: [demoDonation({ vouchers: [demoVoucher(21)] })], page: 0, size: 20, total: 3 }),
    'GET /api/cards/*': () => demoCardHolder,
    'POST /api/households/*/qr-tokens': () => demoQrToken(),
  })
}

describe.each<AppLocale>(['zh-CN', 'en'])('every page in %s', (locale) => {
  it.each(cases)('should render $path without raw message keys', async ({ path, role, shows, then }) => {
    fakeBackend(role)
    const missing: string[] = []
    const { wrapper, router } = await mountAt(path, { locale, onMissing: (key) => missing.push(key) })

    await vi.waitFor(() => expect(wrapper.text()).toContain(shows), { timeout: 8000 })
    await then?.(wrapper)
    expect(router.currentRoute.value.path).toBe(path)

    const text = document.body.textContent ?? ''
    expect(missing).toEqual([])
    expect(KEYS.filter((key) => text.includes(key))).toEqual([])
    expect(text).not.toMatch(KEY_LIKE)
    if (locale === 'zh-CN') expect(text).toContain(role ? '退出登录' : '')
    if (locale === 'en' && role) expect(text).toContain('Log out')
  })
})
