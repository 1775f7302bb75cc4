import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { demoDonation, demoDonors, demoProducts, demoVoucher } from '../testing/shopDemoData'
import { mountAt } from '../testing/mountApp'
import { forgetAll } from '../components/shop/photoCache'

const upload = vi.hoisted(() => vi.fn())
vi.mock('../api/upload', () => ({ upload }))

// jsdom has no blob URLs
const { createObjectURL, revokeObjectURL } = URL
beforeEach(() => {
  saveTokens({ access_token: 'A', refresh_token: 'R' })
  let n = 0
  URL.createObjectURL = vi.fn(() => `blob:photo-${++n}`)
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => {
  forgetAll()
  Object.assign(URL, { createObjectURL, revokeObjectURL })
  upload.mockReset()
})

const image = () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } })

function donationsBackend() {
  return installFakeApi({
    'GET /api/me': () => demoMe.SHOP_ATTENDANT,
    'GET /api/villages/*/donations': () => ({
      items: [demoDonation({ vouchers: [demoVoucher(21), demoVoucher(22)] }), demoDonation({ id: 2, kind: 'PURCHASE', donorName: '村集体', donorType: 'VILLAGE_FUNDS' })],
      page: 0,
      size: 20,
      total: 2,
    }),
    'GET /api/donation-vouchers/*': image,
    'DELETE /api/donation-vouchers/*': () => null,
    'GET /api/villages/*/products': () => demoProducts,
    'GET /api/villages/*/donations/by-donor': () => demoDonors,
    'GET /api/products/*/photo': image,
  })
}

describe('the goods records page', () => {
  it('should list each record with its goods and voucher photos', async () => {
    donationsBackend()
    const { wrapper: w } = await mountAt('/shop/donations')
    await vi.waitFor(() => expect(w.findAll('[data-test="donation"]')).toHaveLength(2))

    const first = w.find('[data-donation="1"]')
    expect(first.text()).toContain('肥皂 × 20块')
    expect(first.text()).toContain('已有 2 张')
    await vi.waitFor(() => expect(first.findAll('[data-test="voucher"] img')).toHaveLength(2))
    expect(w.find('[data-donation="2"] [data-test="voucher"]').exists()).toBe(false)
    expect(w.find('[data-donation="2"]').text()).toContain('村集体经费')
  })

  it('should attach a chosen voucher photo to that record', async () => {
    donationsBackend()
    upload.mockResolvedValue(demoVoucher(40, 2))
    const { wrapper: w } = await mountAt('/shop/donations')
    await vi.waitFor(() => expect(w.find('[data-donation="2"]').exists()).toBe(true))

    const input = w.find('[data-donation="2"] input[data-test="photo-input"]').element as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'receipt.jpg')], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()

    expect(upload).toHaveBeenCalledOnce()
    expect(upload.mock.calls[0][0]).toBe('/api/donations/2/vouchers')
    await vi.waitFor(() => expect(w.findAll('[data-donation="2"] [data-test="voucher"]')).toHaveLength(1))
  })

  it('should remove a voucher from its large view', async () => {
    const { calls } = donationsBackend()
    const { wrapper: w } = await mountAt('/shop/donations')
    await vi.waitFor(() => expect(w.findAll('[data-donation="1"] [data-test="voucher"]')).toHaveLength(2))

    await w.find('[data-donation="1"] [data-test="voucher"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-test="voucher-large"] img')).not.toBeNull())
    ;(document.body.querySelector('[data-test="voucher-remove"]') as HTMLElement).click()

    await vi.waitFor(() => expect(w.findAll('[data-donation="1"] [data-test="voucher"]')).toHaveLength(1))
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/donation-vouchers/21')).toBe(true)
  })

  it('should show the vouchers of each donor in the report on the stock page', async () => {
    donationsBackend()
    const { wrapper: w } = await mountAt('/shop/stock')
    await vi.waitFor(() => expect(w.find('[data-test="donor-list"] [data-donor="爱心企业"] [data-test="voucher"] img').exists()).toBe(true))
    expect(w.find('[data-test="donations-link"]').attributes('href')).toBe('/shop/donations')
  })
})
