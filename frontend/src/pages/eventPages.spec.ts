import { describe, expect, it, vi } from 'vitest'
import type { Role } from '../api/auth'
import { saveTokens } from '../api/tokens'
import type { AppLocale } from '../i18n'
import { installFakeApi, problem, type FakeRoutes } from '../testing/fakeApi'
import { demoGroups, demoMe, demoPage } from '../testing/demoData'
import { demoApplication, demoAttendance, demoEvent, demoRating, demoRound, demoRules, demoSheet } from '../testing/earningDemoData'
import { mountAt } from '../testing/mountApp'

function fakeBackend(role: Role, extra: FakeRoutes = {}) {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  // jsdom has no blob URLs (QR codes and photos are shown through them); this file only
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
  return installFakeApi({
    'GET /api/me': () => demoMe[role],
    'GET /api/villages/*/rules': () => demoRules,
    'GET /api/villages/*/events': () => [demoEvent(), demoEvent({ id: 71, title: '村民会议', kind: 'MEETING', state: 'ENDED', batchId: 40, batchStatus: 'DRAFT' })],
    'GET /api/events/*': () => demoEvent(),
    'GET /api/events/*/attendance': () => demoAttendance,
    'GET /api/events/*/qr.png': () => new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }),
    'GET /api/villages/*/groups': () => demoGroups,
    'GET /api/villages/*/households': () => demoPage(),
    'GET /api/villages/*/applications': () => [],
    'GET /api/villages/*/policy': () => ({ noticeDays: 3, unusualMultiple: 3 }),
    'GET /api/villages/*/rating-sheet': () => demoSheet,
    'GET /api/rating-rounds/*': () => demoRound(),
    'GET /api/rating-rounds/*/ratings': () => [demoRating()],
    ...extra,
  })
}

const KEY_LIKE = /\b(events|earning)\.[a-zA-Z.]+/
const pages: { path: string; role: Role; ready: string }[] = [
  { path: '/committee/events', role: 'VILLAGE_COMMITTEE', ready: '[data-test="event-link"]' },
  { path: '/committee/events/70', role: 'VILLAGE_COMMITTEE', ready: '[data-test="event-typed-code"]' },
  { path: '/villager/check-in', role: 'VILLAGER', ready: '[data-test="check-in-form"]' },
]

describe.each<AppLocale>(['zh-CN', 'en'])('event pages in %s', (locale) => {
  it.each(pages)('should render $path without raw message keys', async ({ path, role, ready }) => {
    fakeBackend(role)
    const missing: string[] = []
    const { router } = await mountAt(path, { locale, onMissing: (key) => missing.push(key) })
    await vi.waitFor(() => expect(document.querySelector(ready)).not.toBeNull(), { timeout: 8000 })
    expect(router.currentRoute.value.path).toBe(path)
    expect(missing).toEqual([])
    expect(document.body.textContent ?? '').not.toMatch(KEY_LIKE)
  }, 60_000)
})

describe('event pages', () => {
  it('should show the typed code, the live count and who checked in at the desk', async () => {
    fakeBackend('VILLAGE_COMMITTEE')
    const { wrapper } = await mountAt('/committee/events/70')
    await vi.waitFor(() => expect(wrapper.find('[data-test="event-typed-code"]').text()).toBe('482913'))
    expect(wrapper.find('[data-test="event-count"]').text()).toBe('已签到 1 户')
    expect(wrapper.find('[data-test="event-window"]').text()).toBe('签到时间 3月5日 09:00 至 3月5日 11:00')
    await vi.waitFor(() => expect(wrapper.find('[data-test="event-attendance"]').text()).toContain('LX-001 张三'))
    expect(wrapper.find('[data-test="event-qr"]').attributes('src')).toBe('blob:photo')
  })

  it('should turn an ended event\'s attendance into a batch under the chosen rule, then link to it', async () => {
    const { calls } = fakeBackend('VILLAGE_COMMITTEE', {
      'GET /api/events/*': () => demoEvent({ state: 'ENDED' }),
      'POST /api/events/*/batch': () => demoEvent({ state: 'ENDED', batchId: 41, batchStatus: 'DRAFT' }),
    })
    const { wrapper } = await mountAt('/committee/events/70')
    await vi.waitFor(() => expect(wrapper.find('[data-test="event-to-batch"]').exists()).toBe(true))
    await wrapper.find('[data-test="event-to-batch"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="event-batch-link"]').attributes('href')).toBe('/committee/batches/41'))
    expect(wrapper.find('[data-test="event-batch-made"]').text()).toContain('已生成评议（待审批）')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ruleId: 1 })
  })

  it('should check the villager in with the typed code and say so', async () => {
    const { calls } = fakeBackend('VILLAGER', {
      'POST /api/events/check-in': () => ({ eventId: 70, title: '3月志愿服务日', householdId: 5000, alreadyCheckedIn: false, checkedInAt: '2025-03-05T09:12:00+08:00' }),
    })
    const { wrapper } = await mountAt('/villager/check-in')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-form"]').exists()).toBe(true))
    await wrapper.find('[data-test="check-in-code"]').setValue('12345')
    await wrapper.find('[data-test="check-in-form"]').trigger('submit')
    expect(wrapper.find('[data-test="check-in-problem"]').text()).toBe('请输入 6 位数字的签到码')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    await wrapper.find('[data-test="check-in-again"]').trigger('click')
    await wrapper.find('[data-test="check-in-code"]').setValue('482 913')
    await wrapper.find('[data-test="check-in-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-result"]').text()).toContain('已签到：3月志愿服务日'))
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ code: '482913' })
  })

  it('should tell a household that has already checked in, kindly', async () => {
    fakeBackend('VILLAGER', {
      'POST /api/events/check-in': () => ({ eventId: 70, title: '3月志愿服务日', householdId: 5000, alreadyCheckedIn: true, checkedInAt: '2025-03-05T09:12:00+08:00' }),
    })
    const { wrapper } = await mountAt('/villager/check-in')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-form"]').exists()).toBe(true))
    await wrapper.find('[data-test="check-in-code"]').setValue('482913')
    await wrapper.find('[data-test="check-in-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-result"]').text()).toContain('您家已经签过到了：3月志愿服务日'))
    expect(wrapper.find('[data-test="check-in-result"]').text()).toContain('3月5日 09:12 已签到，每户只记一次')
  })

  it('should show the server\'s reason for an expired code', async () => {
    fakeBackend('VILLAGER', {
      'POST /api/events/check-in': () => problem(409, 'EVENT_CODE_EXPIRED', '签到码已过期：“3月志愿服务日”的签到已在 3月5日 11:00 结束'),
    })
    const { wrapper } = await mountAt('/villager/check-in')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-form"]').exists()).toBe(true))
    await wrapper.find('[data-test="check-in-code"]').setValue('482913')
    await wrapper.find('[data-test="check-in-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="check-in-problem"]').text()).toBe('签到码已过期：“3月志愿服务日”的签到已在 3月5日 11:00 结束'))
  })

  it('should flag an unusual household total and open the evidence field when the server asks for evidence', async () => {
    const apps = [5000, 5001, 5002].map((id, i) => demoApplication({ id: 900 + i, householdId: id, householdCode: `LX-00${i + 1}`, progress: 'CHECKED' }))
    apps.push(demoApplication({ id: 910, householdId: 5002, householdCode: 'LX-003', ruleId: 2, ruleName: '照顾孤寡老人', points: 10, progress: 'CHECKED' }))
    apps.push(demoApplication({ id: 911, householdId: 5002, householdCode: 'LX-003', ruleId: 2, ruleName: '照顾孤寡老人', points: 10, progress: 'CHECKED' }))
    fakeBackend('VILLAGE_COMMITTEE', {
      'GET /api/villages/*/applications': () => apps,
      'POST /api/villages/*/award-batches': () => problem(422, 'EVIDENCE_REQUIRED', '第 2 条“参加义务劳动”需要附上证据（照片或说明）'),
    })
    const { wrapper } = await mountAt('/committee/meeting')
    await vi.waitFor(() => expect(wrapper.find('[data-test="meeting-unusual"]').exists()).toBe(true))
    expect(wrapper.findAll('[data-test="meeting-unusual-household"]').map((li) => li.attributes('data-code'))).toEqual(['LX-003'])
    expect(wrapper.find('[data-test="meeting-unusual"]').text()).toContain('超过本批一般水平（中位数 5 分）的 3 倍')
    expect(wrapper.find('[data-test="totals-household-row"][data-code="LX-003"] [data-test="totals-unusual"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-test="draft-evidence"]')).toHaveLength(0)
    await wrapper.find('[data-test="meeting-submit"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="meeting-problem"]').text()).toContain('需要附上证据'))
    expect(wrapper.find('[data-test="meeting-problem"]').text()).toContain('请填写证据后再提交')
    expect(wrapper.findAll('[data-test="draft-evidence"]').length).toBeGreaterThan(0)
  })

  it('should upload a rating photo from the results and show it', async () => {
    const { calls } = fakeBackend('VILLAGE_COMMITTEE', {
      'POST /api/rating-rounds/*/ratings/*/photo': () => null,
      'GET /api/rating-rounds/*/ratings/*/photo': () => new Response(new Uint8Array([255, 216, 255]), { headers: { 'Content-Type': 'image/jpeg' } }),
    })
    const sent: FormData[] = []
    vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(function (this: XMLHttpRequest, body) {
      sent.push(body as FormData)
      Object.defineProperty(this, 'status', { value: 204 })
      Object.defineProperty(this, 'responseText', { value: '' })
      this.onload?.(new ProgressEvent('load'))
    })
    const { wrapper } = await mountAt('/committee/ratings/7')
    await vi.waitFor(() => expect(wrapper.find('[data-test="tab-results"]').exists()).toBe(true))
    await wrapper.find('[data-test="tab-results"]').trigger('click')
    const input = await vi.waitFor(() => {
      const found = wrapper.find('[data-test="rating-photo"][data-code="LX-002"] [data-test="rating-photo-input"]')
      expect(found.exists()).toBe(true)
      return found
    })
    const file = new File(['jpg'], 'yard.jpg', { type: 'image/jpeg' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.find('[data-test="rating-photo-img"]').attributes('src')).toBe('blob:photo'))
    expect((sent[0].get('file') as File).name).toBe('yard.jpg')
    expect(calls.some((c) => c.path === '/api/rating-rounds/7/ratings/5001/photo' && c.method === 'GET')).toBe(true)
  })
})
