import { describe, expect, it, vi } from 'vitest'
import type { Role } from '../api/auth'
import { saveTokens } from '../api/tokens'
import type { AppLocale } from '../i18n'
import { installFakeApi, type FakeRoutes } from '../testing/fakeApi'
import { demoMe, demoPage, demoVillages } from '../testing/demoData'
import { demoFlags, demoTask, demoVisit } from '../testing/inspectionDemoData'
import { mountAt } from '../testing/mountApp'

function fakeBackend(role: Role, extra: FakeRoutes = {}) {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
  return installFakeApi({
    'GET /api/me': () => demoMe[role],
    'GET /api/villages': () => demoVillages,
    'GET /api/villages/*/inspections': () => [demoVisit()],
    'GET /api/inspections/*': () => demoVisit({ findings: [{ id: 800, position: 1, category: 'SANITATION', severity: 'HIGH', description: '村口垃圾未清运', photo: false, task: demoTask() }] }),
    'GET /api/villages/*/tasks': () => [demoTask(), demoTask({ id: 901, kind: 'WEAK_POINT', title: '路灯不足', findingId: null, category: null, severity: null, visitedOn: null, overdue: false, deadline: '2099-01-01' })],
    'GET /api/towns/*/tasks': () => [demoTask(), demoTask({ id: 902, villageName: '松林示例村', status: 'DONE', overdue: false, doneNote: '已清运' })],
    'GET /api/villages/*/task-owners': () => [{ userId: 1, name: '立新村委会', role: 'VILLAGE_COMMITTEE' }],
    'GET /api/villages/*/households': () => demoPage(),
    'GET /api/villages/*/dashboard': () => demoFlags,
    'GET /api/towns/*/dashboard': () => ({ villages: [demoFlags] }),
    ...extra,
  })
}

const KEY_LIKE = /\binspections\.[a-zA-Z.]+/
const pages: { path: string; role: Role; ready: string }[] = [
  { path: '/committee/tasks', role: 'VILLAGE_COMMITTEE', ready: '[data-test="task-table"] .task-table__row--overdue' },
  { path: '/town/inspections', role: 'TOWN_ADMIN', ready: '[data-test="visit-item"]' },
  { path: '/town/tasks', role: 'TOWN_ADMIN', ready: '[data-test="task-verify"]' },
  { path: '/town', role: 'TOWN_ADMIN', ready: '[data-test="village-flags-months"]' },
]

describe.each<AppLocale>(['zh-CN', 'en'])('inspection pages in %s', (locale) => {
  it.each(pages)('should render $path without raw message keys', async ({ path, role, ready }) => {
    fakeBackend(role)
    const missing: string[] = []
    await mountAt(path, { locale, onMissing: (key) => missing.push(key) })
    await vi.waitFor(() => expect(document.querySelector(ready)).not.toBeNull(), { timeout: 8000 })
    expect(missing).toEqual([])
    expect(document.body.textContent ?? '').not.toMatch(KEY_LIKE)
  }, 60_000)
})

describe('inspection pages', () => {
  it('should show the committee its flags and send the note when a task is marked fixed', async () => {
    const { calls } = fakeBackend('VILLAGE_COMMITTEE', {
      'POST /api/tasks/*/done': () => demoTask({ status: 'DONE', overdue: false, doneNote: '已清运' }),
    })
    const { wrapper } = await mountAt('/committee/tasks')
    await vi.waitFor(() => expect(wrapper.find('[data-test="flag-overdue"]').text()).toBe('逾期 1 项'))
    expect(wrapper.find('[data-test="flag-months"]').text()).toBe('近 12 个月有 3 个月无检查')
    await wrapper.find('[data-test="task-done"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('[data-test="task-done-dialog"]')).not.toBeNull())
    const note = document.querySelector<HTMLTextAreaElement>('textarea[data-test="task-done-note-input"]')!
    note.value = '已清运'
    note.dispatchEvent(new Event('input'))
    document.querySelector<HTMLButtonElement>('[data-test="task-done-submit"]')!.click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/tasks/900/done')).toBe(true))
    expect(calls.find((c) => c.path === '/api/tasks/900/done')?.body).toEqual({ note: '已清运' })
  }, 60_000)

  it('should ask the town board for overdue tasks only when that filter is chosen', async () => {
    const { calls } = fakeBackend('TOWN_ADMIN')
    const { wrapper } = await mountAt('/town/tasks')
    await vi.waitFor(() => expect(wrapper.find('[data-test="board-count"]').text()).toBe('共 2 项，逾期 1 项'))
    await wrapper.find('[data-test="board-filter-overdue"]').trigger('click')
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/towns/10/tasks' && c.query.get('overdue') === 'true')).toBe(true))
  }, 60_000)
})
