import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { saveTokens } from '../api/tokens'
import { installFakeApi, problem, type FakeRoutes } from '../testing/fakeApi'
import { demoHousehold, demoMe } from '../testing/demoData'
import { demoCardHolder, demoProducts, demoReceipt } from '../testing/shopDemoData'
import { mountAt } from '../testing/mountApp'

function counterBackend(extra: FakeRoutes = {}) {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  return installFakeApi({
    'GET /api/me': () => demoMe.SHOP_ATTENDANT,
    'GET /api/villages/*/products': () => demoProducts,
    'GET /api/villages/*/shop-policy': () => ({ cardFactor: 'PIN' }),
    'GET /api/cards/*': () => demoCardHolder,
    'GET /api/households/*': () => ({ ...demoHousehold, balance: 12 }),
    ...extra,
  })
}

async function scan(w: VueWrapper, code: string): Promise<void> {
  await w.find('[data-test="scan-input"]').setValue(code)
  await w.find('[data-test="scan-form"]').trigger('submit')
  await vi.waitFor(() => expect(w.find('[data-test="customer"]').exists()).toBe(true))
}

const product = (w: VueWrapper, name: string) => w.find(`[data-product="${name}"]`)
const text = (w: VueWrapper, test: string) => w.find(`[data-test="${test}"]`).text()

async function typePin(w: VueWrapper, pin: string): Promise<void> {
  for (const digit of pin) await w.find(`[data-test="pin-pad"] [data-key="${digit}"]`).trigger('click')
}

describe('the shop counter', () => {
  it('should redeem a card with its PIN and show the receipt, then return to scanning', async () => {
    const { calls } = counterBackend({
      'POST /api/redemptions': () => new Response(JSON.stringify(demoReceipt()), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    })
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VP1.ABCDEFGHJKLM.sig')

    expect(text(w, 'customer-name')).toBe('张三')
    expect(text(w, 'customer-code')).toBe('LX-001')
    expect(text(w, 'customer-balance')).toBe('30')
    expect(text(w, 'cart-remaining')).toContain('兑换后剩余 30 分')
    expect(text(w, 'confirm-why')).toBe('请点选要兑换的商品')

    await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')
    expect(text(w, 'cart-total')).toBe('5')
    expect(text(w, 'cart-remaining')).toContain('兑换后剩余 25 分')
    expect(text(w, 'confirm-why')).toBe('请村民先输入 6 位家庭密码')
    expect(w.find('[data-test="redeem-confirm"]').attributes('disabled')).toBeDefined()

    await typePin(w, '123456')
    await w.find('[data-test="redeem-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-test="receipt"]').exists()).toBe(true))

    const sent = calls.find((c) => c.path === '/api/redemptions')!
    expect(sent.body).toEqual({ cardCode: 'VP1.ABCDEFGHJKLM.sig', pin: '123456', items: [{ productId: 1, quantity: 1 }] })
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(text(w, 'receipt-balance')).toBe('25 分')
    expect(text(w, 'receipt-paper')).toContain('超市李')

    await w.find('[data-test="receipt-next"]').trigger('click')
    expect(w.find('[data-test="receipt"]').exists()).toBe(false)
    expect(w.find('[data-test="customer"]').exists()).toBe(false)
    expect(w.find('[data-test="scanner"]').isVisible()).toBe(true)
  })

  it('should show why a product cannot be taken', async () => {
    counterBackend()
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VPQ1.5000.1795981159.nonce1234.sig')

    expect(text(w, 'customer-balance')).toBe('12')
    expect(product(w, '大米').text()).toContain('已售完')
    expect(product(w, '洗衣粉').text()).toContain('积分不够，还差 8 分')
    expect(product(w, '洗衣粉').find('[data-test="product-add"]').attributes('disabled')).toBeDefined()
    expect(product(w, '旧毛巾').exists()).toBe(false)
  })

  it('should redeem a phone code with the code itself and no PIN', async () => {
    const { calls } = counterBackend({
      'POST /api/redemptions': () => new Response(JSON.stringify(demoReceipt({ method: 'QR', balanceAfter: 7 })), { status: 201 }),
    })
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VPQ1.5000.1795981159.nonce1234.sig')
    expect(w.find('[data-test="pin-pad"]').exists()).toBe(false)

    await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')
    await w.find('[data-test="redeem-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-test="receipt"]').exists()).toBe(true))

    expect(calls.find((c) => c.path === '/api/redemptions')!.body).toEqual({
      qrToken: 'VPQ1.5000.1795981159.nonce1234.sig',
      items: [{ productId: 1, quantity: 1 }],
    })
  })

  it("should show the server's sentence as it is when the redemption is refused", async () => {
    counterBackend({ 'POST /api/redemptions': () => problem(422, 'WRONG_PIN', '密码不对，还可以再试 4 次') })
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VP1.ABCDEFGHJKLM.sig')
    await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')
    await typePin(w, '000000')
    await w.find('[data-test="redeem-confirm"]').trigger('click')

    await vi.waitFor(() => expect(text(w, 'redeem-error')).toContain('密码不对，还可以再试 4 次'))
    // the PIN is asked again; the cart stays
    expect(w.findAll('.redemption-pin__box--filled')).toHaveLength(0)
    expect(text(w, 'cart-total')).toBe('5')
  })

  it('should say so when a scanned card is refused', async () => {
    counterBackend({ 'GET /api/cards/*': () => problem(409, 'CARD_REVOKED', '这张积分卡已经作废，请使用新卡') })
    const { wrapper: w } = await mountAt('/shop')
    await w.find('[data-test="scan-input"]').setValue('VP1.OLDCARD.sig')
    await w.find('[data-test="scan-form"]').trigger('submit')

    await vi.waitFor(() => expect(text(w, 'scan-error')).toBe('这张积分卡已经作废，请使用新卡'))
    expect(w.find('[data-test="customer"]').exists()).toBe(false)
  })

  it('should ask the attendant to confirm the head by name when the village uses CONFIRM_NAME', async () => {
    const { calls } = counterBackend({
      'GET /api/villages/*/shop-policy': () => ({ cardFactor: 'CONFIRM_NAME' }),
      'POST /api/redemptions': () => new Response(JSON.stringify(demoReceipt()), { status: 201 }),
    })
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VP1.ABCDEFGHJKLM.sig')
    expect(w.find('[data-test="pin-pad"]').exists()).toBe(false)
    await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')
    expect(text(w, 'confirm-why')).toBe('请先确认户主：张三')

    await w.find('[data-test="confirm-name"]').trigger('click')
    expect(text(w, 'confirm-name')).toContain('已确认：张三')
    await w.find('[data-test="redeem-confirm"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-test="receipt"]').exists()).toBe(true))

    expect(calls.find((c) => c.path === '/api/redemptions')!.body).toEqual({
      cardCode: 'VP1.ABCDEFGHJKLM.sig',
      nameConfirmed: true,
      items: [{ productId: 1, quantity: 1 }],
    })
  })

  it('should offer 重试 after a lost connection and send the same Idempotency-Key again', async () => {
    let online = false
    const { calls } = counterBackend({
      'POST /api/redemptions': () => {
        if (!online) throw new TypeError('Failed to fetch')
        return new Response(JSON.stringify(demoReceipt()), { status: 201 })
      },
    })
    const { wrapper: w } = await mountAt('/shop')
    await scan(w, 'VPQ1.5000.1795981159.nonce1234.sig')
    await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await w.find('[data-test="redeem-confirm"]').trigger('click')
      // the automatic retries wait 0.7 s, 1.5 s and 3 s
      await vi.advanceTimersByTimeAsync(6_000)
      await vi.waitFor(() => expect(w.find('[data-test="redeem-retry"]').exists()).toBe(true))
      expect(text(w, 'redeem-error')).toContain('不会重复扣分')
      // while the result is unknown the cart cannot change
      await product(w, '肥皂').find('[data-test="product-add"]').trigger('click')
      expect(text(w, 'cart-total')).toBe('5')

      online = true
      await w.find('[data-test="redeem-retry"]').trigger('click')
      await vi.waitFor(() => expect(w.find('[data-test="receipt"]').exists()).toBe(true))
    } finally {
      vi.useRealTimers()
    }
    const keys = calls.filter((c) => c.path === '/api/redemptions').map((c) => c.headers.get('Idempotency-Key'))
    expect(keys.length).toBe(5)
    expect(new Set(keys).size).toBe(1)
  })
})
