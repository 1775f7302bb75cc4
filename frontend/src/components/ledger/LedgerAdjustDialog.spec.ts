import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import { installFakeApi, problem } from '../../testing/fakeApi'
import LedgerAdjustDialog from './LedgerAdjustDialog.vue'

function mountDialog() {
  return mount(LedgerAdjustDialog, {
    props: { open: true, householdId: 5020, headName: '王建国', code: 'H020', balance: 30, retryDelaysMs: [] },
    global: { plugins: [createAppI18n('zh-CN')] },
    attachTo: document.body,
  })
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)

async function click(selector: string): Promise<void> {
  $(selector)?.click()
  await flushPromises()
}

async function fill(points: string, reason: string): Promise<void> {
  const number = $<HTMLInputElement>('[data-test="adjust-points"] input')!
  number.value = points
  number.dispatchEvent(new Event('input'))
  number.dispatchEvent(new Event('change'))
  // Element's input puts data-test on the <input> itself
  const text = $<HTMLInputElement>('input[data-test="adjust-reason"]')!
  text.value = reason
  text.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('LedgerAdjustDialog', () => {
  it('should confirm with the expected balance, then show the new balance from the server', async () => {
    const api = installFakeApi({
      'POST /api/households/5020/adjustments': () => ({ transfer: { id: 1 }, balanceAfter: 40 }),
    })
    const wrapper = mountDialog()
    await vi.waitFor(() => expect($('[data-test="adjust-points"]')).not.toBeNull())

    await fill('10', '补录 3 月志愿服务')
    await click('[data-test="adjust-next"]')
    expect($('[data-test="adjust-confirm"]')?.textContent).toContain('给 王建国（H020）调整 +10 分')
    expect($('[data-test="adjust-confirm"]')?.textContent).toContain('调整后余额：40 分')

    await click('[data-test="adjust-submit"]')

    await vi.waitFor(() => expect($('[data-test="adjust-balance"]')?.textContent).toBe('40'))
    expect(api.calls[0].body).toEqual({ points: 10, reason: '补录 3 月志愿服务' })
    expect(wrapper.emitted('done')).toEqual([[40]])
  })

  it('should send the same Idempotency-Key again when the user retries after a lost connection', async () => {
    let online = false
    const api = installFakeApi({
      'POST /api/households/5020/adjustments': () => {
        if (!online) throw new TypeError('Failed to fetch')
        return { transfer: { id: 1 }, balanceAfter: 25 }
      },
    })
    mountDialog()
    await vi.waitFor(() => expect($('[data-test="adjust-points"]')).not.toBeNull())
    await fill('-5', '重复加分')
    await click('[data-test="adjust-next"]')

    await click('[data-test="adjust-submit"]')
    await vi.waitFor(() => expect($('[data-test="adjust-error"]')?.textContent).toContain('网络连接失败'))

    online = true
    await click('[data-test="adjust-submit"]')
    await vi.waitFor(() => expect($('[data-test="adjust-balance"]')?.textContent).toBe('25'))

    const keys = api.calls.map((c) => c.headers.get('Idempotency-Key'))
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
  })

  it('should show the server\'s Chinese refusal as it is', async () => {
    installFakeApi({
      'POST /api/households/5020/adjustments': () => problem(409, 'INSUFFICIENT_POINTS', '余额不足：还差 20 分'),
    })
    mountDialog()
    await vi.waitFor(() => expect($('[data-test="adjust-points"]')).not.toBeNull())
    await fill('-50', '扣分')
    await click('[data-test="adjust-next"]')
    await click('[data-test="adjust-submit"]')

    await vi.waitFor(() => expect($('[data-test="adjust-error"]')?.textContent).toContain('余额不足：还差 20 分'))
  })

  it('should not go on without points or a reason', async () => {
    const api = installFakeApi({})
    mountDialog()
    await vi.waitFor(() => expect($('[data-test="adjust-points"]')).not.toBeNull())

    await click('[data-test="adjust-next"]')

    expect($('[data-test="adjust-error"]')?.textContent).toContain('请填写不为 0 的整数分值')
    await fill('5', '  ')
    await click('[data-test="adjust-next"]')
    expect($('[data-test="adjust-error"]')?.textContent).toContain('请填写调整原因')
    expect(api.calls).toHaveLength(0)
  })
})
