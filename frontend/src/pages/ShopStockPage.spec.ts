import { describe, expect, it, vi } from 'vitest'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { demoDonors, demoProduct, demoProducts } from '../testing/shopDemoData'
import { mountAt } from '../testing/mountApp'

function stockBackend() {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  const products = [...demoProducts]
  return installFakeApi({
    'GET /api/me': () => demoMe.SHOP_ATTENDANT,
    'GET /api/villages/*/products': () => products,
    'GET /api/villages/*/donations/by-donor': () => demoDonors,
    'POST /api/villages/*/products': (req) => {
      const made = demoProduct({ ...(req.body as object), id: 9, stock: 0, lowStock: true })
      products.push(made)
      return new Response(JSON.stringify(made), { status: 201, headers: { 'Content-Type': 'application/json' } })
    },
    'POST /api/villages/*/donations': () => new Response(JSON.stringify({ id: 1 }), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    'POST /api/villages/*/stocktakes': () => new Response(JSON.stringify({ changed: 1 }), { status: 201, headers: { 'Content-Type': 'application/json' } }),
  })
}

const body = () => document.body

describe('the stock page', () => {
  it('should highlight low stock and filter to it', async () => {
    stockBackend()
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    expect(w.find('[data-product="洗衣粉"]').classes()).toContain('shop-stock__row--low')
    expect(w.find('[data-product="肥皂"]').classes()).not.toContain('shop-stock__row--low')
    await w.find('[data-test="stock-only-low"]').trigger('click')
    expect(w.find('[data-test="stock-list"] [data-product="肥皂"]').exists()).toBe(false)
    expect(w.find('[data-test="stock-list"] [data-product="大米"]').exists()).toBe(true)
  })

  it('should add a product with an Idempotency-Key and show it in the list', async () => {
    const { calls } = stockBackend()
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await w.find('[data-test="stock-add"]').trigger('click')
    const form = body().querySelector('[data-test="product-form"]') as HTMLElement
    const set = (name: string, value: string) => {
      const input = form.querySelector(`input[name="${name}"]`) as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    set('name', '酱油')
    set('price', '12')
    set('unit', '瓶')
    ;(form.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'))

    await vi.waitFor(() => expect(w.find('[data-test="stock-list"] [data-product="酱油"]').exists()).toBe(true))
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/villages/100/products')!
    expect(post.body).toEqual({ name: '酱油', unit: '瓶', category: null, pricePoints: 12, active: true, lowStockThreshold: 5 })
    expect(post.headers.get('Idempotency-Key')).toBeTruthy()
    expect(w.find('[data-test="stock-notice"]').text()).toContain('酱油')
  })

  it('should refuse goods received without a donor or quantities', async () => {
    const { calls } = stockBackend()
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await w.find('[data-test="stock-goods"]').trigger('click')
    const form = body().querySelector('[data-test="goods-form"] form') as HTMLFormElement
    form.dispatchEvent(new Event('submit'))
    await vi.waitFor(() => expect(body().querySelector('[data-test="goods-form"] [role="alert"]')?.textContent).toContain('捐赠方'))

    const donor = form.querySelector('input[name="donorName"]') as HTMLInputElement
    donor.value = '爱心企业'
    donor.dispatchEvent(new Event('input'))
    const qty = form.querySelector('[data-product="肥皂"] input') as HTMLInputElement
    qty.value = '4'
    qty.dispatchEvent(new Event('input'))
    form.dispatchEvent(new Event('submit'))

    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/villages/100/donations')).toBe(true))
    const post = calls.find((c) => c.path === '/api/villages/100/donations')!
    expect(post.body).toMatchObject({ kind: 'DONATION', donorName: '爱心企业', donorType: 'ENTERPRISE', items: [{ productId: 1, quantity: 4 }] })
  })
})
