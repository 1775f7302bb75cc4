import { describe, expect, it, vi } from 'vitest'
import type { Role } from '../api/auth'
import { saveTokens } from '../api/tokens'
import type { AppLocale } from '../i18n'
import earningZhCN from '../i18n/earning.zh-CN'
import { installFakeApi, type FakeRoutes } from '../testing/fakeApi'
import { demoGroups, demoMe, demoPage } from '../testing/demoData'
import { demoApplication, demoBatch, demoNotices, demoRating, demoRound, demoRules, demoSheet } from '../testing/earningDemoData'
import { mountAt } from '../testing/mountApp'

type Tree = { [key: string]: string | Tree }
const allKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : allKeys(v, `${prefix}${k}.`)))
const KEYS = allKeys(earningZhCN as Tree)
const KEY_LIKE = /\bearning\.[a-zA-Z.]+/

function fakeBackend(role: Role | null, extra: FakeRoutes = {}) {
  if (role) saveTokens({ access_token: 'A', refresh_token: 'R' })
  return installFakeApi({
    'GET /api/me': () => (role ? demoMe[role] : null),
    'GET /api/villages/*/groups': () => demoGroups,
    'GET /api/villages/*/households': () => demoPage(),
    'GET /api/villages/*/rules': () => demoRules,
    'GET /api/villages/*/applications': (req) => [demoApplication({ progress: req.query.get('status') === 'CHECKED' ? 'CHECKED' : 'SUBMITTED' })],
    'GET /api/households/*/applications': () => [
      demoApplication({ progress: 'IN_NOTICE' }),
      demoApplication({ id: 901, progress: 'RETURNED', returnReason: '日期不对' }),
    ],
    'GET /api/villages/*/award-batches': () => [demoBatch({ status: 'NOTICE', noticeEndsAt: '2025-03-09T09:00:00+08:00' })],
    'GET /api/award-batches/*': () => demoBatch({ status: 'NOTICE', noticeStartsAt: '2025-03-06T09:00:00+08:00', noticeEndsAt: '2025-03-09T09:00:00+08:00', noticeDays: 3 }),
    'GET /api/public/villages/*/notices': () => demoNotices,
    'GET /api/villages/*/rating-sheet': () => demoSheet,
    'GET /api/rating-rounds/*': () => demoRound(),
    'GET /api/rating-rounds/*/ratings': () => [demoRating()],
    ...extra,
  })
}

/** `ready`: an element that shows the page has loaded its data (the same in both languages) */
const pages: { path: string; role: Role | null; ready: string }[] = [
  { path: '/notice/100', role: null, ready: '[data-test="notice-past"] [data-test="notice-row"]' },
  { path: '/villager/apply', role: 'VILLAGER', ready: '[data-test="rule-picker"]' },
  { path: '/villager/applications', role: 'VILLAGER', ready: '[data-test="progress-returned"]' },
  { path: '/leader/applications', role: 'GROUP_LEADER', ready: '[data-test="check-card"]' },
  { path: '/leader/apply', role: 'GROUP_LEADER', ready: '[data-test="apply-household"] option[value="5001"]' },
  { path: '/committee/meeting', role: 'VILLAGE_COMMITTEE', ready: '[data-test="meeting-households"] [data-code="LX-003"]' },
  { path: '/committee/batches', role: 'VILLAGE_COMMITTEE', ready: '[data-test="batch-link"]' },
  { path: '/committee/batches/40', role: 'VILLAGE_COMMITTEE', ready: '[data-test="objection-open"]' },
  { path: '/committee/ratings', role: 'VILLAGE_COMMITTEE', ready: '[data-test="round-form"]' },
  { path: '/committee/ratings/7', role: 'VILLAGE_COMMITTEE', ready: '[data-test="rating-household-button"][data-code="LX-003"]' },
]

describe.each<AppLocale>(['zh-CN', 'en'])('earning pages in %s', (locale) => {
  it.each(pages)('should render $path without raw message keys', async ({ path, role, ready }) => {
    fakeBackend(role)
    const missing: string[] = []
    const { router } = await mountAt(path, { locale, onMissing: (key) => missing.push(key) })
    await vi.waitFor(() => expect(document.querySelector(ready)).not.toBeNull(), { timeout: 8000 })
    expect(router.currentRoute.value.path).toBe(path)
    const text = document.body.textContent ?? ''
    expect(missing).toEqual([])
    expect(KEYS.filter((key) => text.includes(`earning.${key}`))).toEqual([])
    expect(text).not.toMatch(KEY_LIKE)
    if (role) expect(text).toContain(locale === 'zh-CN' ? '退出登录' : 'Log out')
  })
})

describe('earning pages', () => {
  it('should open the public notice board without a session and without a token', async () => {
    const { calls } = fakeBackend(null)
    const { wrapper } = await mountAt('/notice/100')
    await vi.waitFor(() => expect(wrapper.text()).toContain('张*'))
    const text = wrapper.text()
    expect(text.indexOf('正在公示')).toBeLessThan(text.indexOf('2025年3月评议会'))
    expect(text.indexOf('2025年3月评议会')).toBeLessThan(text.indexOf('往期公示'))
    expect(text.indexOf('往期公示')).toBeLessThan(text.indexOf('2025年2月评议会'))
    const call = calls.find((c) => c.path === '/api/public/villages/100/notices')
    expect(call?.headers.get('Authorization')).toBeNull()
  })

  it('should send an application of the villager\'s own household', async () => {
    const { calls } = fakeBackend('VILLAGER', {
      'POST /api/households/*/applications': (req) => demoApplication({ ...(req.body as object), id: 950 }),
    })
    const { wrapper } = await mountAt('/villager/apply')
    await vi.waitFor(() => expect(wrapper.find('[data-test="rule-picker"]').exists()).toBe(true))
    await wrapper.find('[data-test="apply-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="apply-problem"]').text()).toBe('请选择申报事项'))
    await wrapper.find('[data-test="rule-picker"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelectorAll('[data-test="rule-option"]').length).toBe(2))
    ;(document.querySelector('[data-test="rule-option"]') as HTMLElement).click()
    await wrapper.find('[data-test="apply-description"] textarea').setValue('清理河道垃圾')
    await wrapper.find('[data-test="apply-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="apply-done"]').exists()).toBe(true))
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/api/households/5000/applications')
    expect(post?.body).toMatchObject({ ruleId: 1, description: '清理河道垃圾' })
    expect((post?.body as { occurredOn: string }).occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('should let the leader pass an application, and return one only with a reason', async () => {
    const { calls } = fakeBackend('GROUP_LEADER', {
      'POST /api/applications/*/check': (req) => demoApplication({ progress: (req.body as { decision: string }).decision === 'PASS' ? 'CHECKED' : 'RETURNED' }),
    })
    const { wrapper } = await mountAt('/leader/applications')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-return"]').exists()).toBe(true))
    await wrapper.find('[data-test="check-return"]').trigger('click')
    await wrapper.find('[data-test="check-return-confirm"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('退回申报时请写明原因'))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    await wrapper.find('[data-test="check-reason"] textarea').setValue('照片看不清')
    await wrapper.find('[data-test="check-return-confirm"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-decided"]').text()).toContain('已退回'))
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'RETURN', reason: '照片看不清' })
  })

  it('should bring the checked application into the meeting and submit the batch with an Idempotency-Key', async () => {
    const { calls } = fakeBackend('VILLAGE_COMMITTEE', {
      'POST /api/villages/*/award-batches': () => demoBatch(),
      'POST /api/award-batches/*/approve': () => demoBatch({ status: 'NOTICE', noticeDays: 3, noticeStartsAt: '2025-03-06T09:00:00+08:00', noticeEndsAt: '2025-03-09T09:00:00+08:00' }),
    })
    const { wrapper } = await mountAt('/committee/meeting')
    await vi.waitFor(() => expect(wrapper.find('[data-test="meeting-draft"]').text()).toContain('清理河道垃圾'))
    expect(wrapper.find('[data-test="meeting-sum"]').text()).toBe('共 1 条，涉及 1 户，合计 +5 分')
    await wrapper.find('[data-test="meeting-submit"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="meeting-result"]').exists()).toBe(true))
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/villages/100/award-batches')
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(post?.body).toMatchObject({ items: [{ householdId: 5000, ruleId: 1, applicationId: 900, occurredAt: '2025-03-02T00:00:00+08:00' }] })
    await wrapper.find('[data-test="batch-approve"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="batch-notice-ends"]').text()).toContain('2025年3月9日'))
    expect(wrapper.find('[data-test="batch-notice-link"]').attributes('href')).toBe('/notice/100')
  })

  it('should show the rating round\'s households by group with progress, and the flagged household in the results', async () => {
    fakeBackend('VILLAGE_COMMITTEE')
    const { wrapper } = await mountAt('/committee/ratings/7')
    await vi.waitFor(() => expect(wrapper.find('[data-test="rating-progress"]').text()).toBe('已评 1 / 3 户'))
    expect(wrapper.findAll('[data-test="rating-group"]').map((g) => g.find('h2').text())).toEqual(['第一组 1/2', '第二组 0/1'])
    await wrapper.find('[data-test="tab-results"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="results-flagged"]').text()).toContain('复查：2025年4月5日'))
  })
})
