import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { demoDonors, demoProduct, demoProducts } from '../testing/shopDemoData'
import { mountAt } from '../testing/mountApp'
import { forgetAll } from '../components/shop/photoCache'

const upload = vi.hoisted(() => vi.fn())
vi.mock('../api/upload', () => ({ upload }))

// jsdom has no blob URLs
const { createObjectURL, revokeObjectURL } = URL
afterEach(() => {
  forgetAll()
  Object.assign(URL, { createObjectURL, revokeObjectURL })
  upload.mockReset()
})

function fakeBlobUrls(): void {
  let n = 0
  URL.createObjectURL = vi.fn(() => `blob:photo-${++n}`)
  URL.revokeObjectURL = vi.fn()
}

async function chooseFile(input: HTMLInputElement, file: File): Promise<void> {
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

function stockBackend() {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  const products = [...demoProducts]
  return installFakeApi({
    'GET /api/me': () => demoMe.SHOP_ATTENDANT,
    'GET /api/villages/*/products': () => products,
    'GET /api/villages/*/donations/by-donor': () => demoDonors,
    'GET /api/products/*/photo': () => new Response(new Uint8Array([0x89, 0x50]), { status: 200, headers: { 'Content-Type': 'image/png' } }),
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

  it('should show the photo of each product in the list and a placeholder without one', async () => {
    fakeBlobUrls()
    stockBackend()
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await vi.waitFor(() => expect(w.find('[data-product="肥皂"] img').exists()).toBe(true))
    expect(w.find('[data-product="肥皂"] img').attributes('src')).toMatch(/^blob:/)
    expect(w.find('[data-product="洗衣粉"] [data-test="photo-placeholder"]').exists()).toBe(true)
  })

  it('should send a chosen photo for the product being edited and show the new one', async () => {
    fakeBlobUrls()
    stockBackend()
    upload.mockImplementation(async () => demoProduct({ id: 2, name: '洗衣粉', unit: '袋', pricePoints: 20, stock: 2, lowStock: true, photoUrl: '/api/products/2/photo?v=new' }))
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await w.find('[data-product="洗衣粉"]').trigger('click')
    const form = body().querySelector('[data-test="product-form"]') as HTMLElement
    expect(form.querySelector('[data-test="product-photo"] [data-test="photo-placeholder"]')).not.toBeNull()
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'soap.jpg', { type: 'image/jpeg' })
    await chooseFile(form.querySelector('input[data-test="photo-input"]') as HTMLInputElement, photo)

    expect(upload).toHaveBeenCalledOnce()
    expect(upload.mock.calls[0][0]).toBe('/api/products/2/photo')
    expect((upload.mock.calls[0][1] as FormData).get('file')).toBeInstanceOf(Blob)
    await vi.waitFor(() => expect(w.find('[data-test="stock-list"] [data-product="洗衣粉"] img').exists()).toBe(true))
    await vi.waitFor(() => expect(form.querySelector('[data-test="product-photo"] img')).not.toBeNull())
    expect(form.querySelector('[data-test="photo-remove"]')).not.toBeNull()
  })

  it('should say why a photo was refused and keep the form open', async () => {
    stockBackend()
    const { ApiError } = await import('../api/http')
    upload.mockRejectedValue(new ApiError(422, 'BAD_PHOTO', '只能上传 JPG、PNG 或 WebP 照片'))
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await w.find('[data-product="洗衣粉"]').trigger('click')
    const form = body().querySelector('[data-test="product-form"]') as HTMLElement
    await chooseFile(form.querySelector('input[data-test="photo-input"]') as HTMLInputElement, new File(['hello'], 'a.png'))

    await vi.waitFor(() => expect(form.querySelector('[data-test="photo-error"]')?.textContent).toContain('只能上传 JPG、PNG 或 WebP 照片'))
    expect(form.querySelector('[data-test="product-photo"] [data-test="photo-placeholder"]')).not.toBeNull()
  })

  it('should attach the chosen voucher photos to goods received after saving them', async () => {
    const { calls } = stockBackend()
    upload.mockImplementation(async (path: string) => ({ id: 31, donationId: 1, contentType: 'image/jpeg', bytes: 4, url: '/api/donation-vouchers/31', uploadedBy: 'lixin-shop', uploadedAt: '2024-05-01T10:00:00+08:00', path }))
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.text()).toContain('洗衣粉'))

    await w.find('[data-test="stock-goods"]').trigger('click')
    const form = body().querySelector('[data-test="goods-form"] form') as HTMLFormElement
    const donor = form.querySelector('input[name="donorName"]') as HTMLInputElement
    donor.value = '爱心企业'
    donor.dispatchEvent(new Event('input'))
    const qty = form.querySelector('[data-product="肥皂"] input') as HTMLInputElement
    qty.value = '4'
    qty.dispatchEvent(new Event('input'))
    await chooseFile(form.querySelector('input[data-test="photo-input"]') as HTMLInputElement, new File([new Uint8Array([0xff, 0xd8, 0xff])], 'receipt.jpg'))
    await vi.waitFor(() => expect(form.querySelector('[data-test="goods-photos"]')?.textContent).toContain('已选 1 张'))
    form.dispatchEvent(new Event('submit'))

    await vi.waitFor(() => expect(upload).toHaveBeenCalledOnce())
    expect(upload.mock.calls[0][0]).toBe('/api/donations/1/vouchers')
    expect(calls.filter((c) => c.path === '/api/villages/100/donations')).toHaveLength(1)
    await vi.waitFor(() => expect(w.find('[data-test="stock-notice"]').text()).toContain('入库已登记'))
  })
})
