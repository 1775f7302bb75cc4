import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import { saveTokens } from '../../api/tokens'
import { installFakeApi, problem } from '../../testing/fakeApi'
import { demoProduct } from '../../testing/shopDemoData'
import ShopPhoto from './ShopPhoto.vue'
import ShopProductCard from './ShopProductCard.vue'
import { forgetAll } from './photoCache'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function photoBackend() {
  return installFakeApi({
    'GET /api/products/1/photo': () => new Response(PNG, { status: 200, headers: { 'Content-Type': 'image/png' } }),
    'GET /api/products/2/photo': () => problem(404, 'PHOTO_NOT_FOUND', '这件商品还没有照片'),
  })
}

function mountPhoto(url: string | null) {
  return mount(ShopPhoto, { props: { url, alt: '肥皂的照片' }, global: { plugins: [createAppI18n('zh-CN')] } })
}

describe('ShopPhoto', () => {
  // jsdom has no blob URLs
  const { createObjectURL, revokeObjectURL } = URL
  let blobUrls = 0
  beforeEach(() => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    blobUrls = 0
    URL.createObjectURL = vi.fn(() => `blob:photo-${++blobUrls}`)
    URL.revokeObjectURL = vi.fn()
  })
  afterEach(() => {
    forgetAll()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
  })

  it('should show a neutral placeholder and fetch nothing when there is no photo', async () => {
    const { calls } = photoBackend()
    const w = mountPhoto(null)
    await flushPromises()
    expect(w.find('[data-test="photo-placeholder"]').exists()).toBe(true)
    expect(w.find('img').exists()).toBe(false)
    expect(calls).toHaveLength(0)
  })

  it('should load the photo with the token once and show it as an image', async () => {
    const { calls } = photoBackend()
    const a = mountPhoto('/api/products/1/photo?v=abc')
    const b = mountPhoto('/api/products/1/photo?v=abc')
    await vi.waitFor(() => expect(a.find('img').exists()).toBe(true))
    await vi.waitFor(() => expect(b.find('img').exists()).toBe(true))

    expect(a.find('img').attributes('src')).toBe('blob:photo-1')
    expect(b.find('img').attributes('src')).toBe('blob:photo-1')
    expect(a.find('img').attributes('alt')).toBe('肥皂的照片')
    expect(calls).toHaveLength(1)
    expect(calls[0].path).toBe('/api/products/1/photo')
    expect(calls[0].query.get('v')).toBe('abc')
    expect(calls[0].headers.get('Authorization')).toBe('Bearer A')
  })

  it('should keep the placeholder when the photo cannot be loaded', async () => {
    photoBackend()
    const w = mountPhoto('/api/products/2/photo?v=gone')
    await flushPromises()
    await flushPromises()
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('[data-test="photo-placeholder"]').exists()).toBe(true)
  })

  it('should show the thumbnail on the counter card, and the placeholder on a card without a photo', async () => {
    photoBackend()
    const card = (photoUrl: string | null) =>
      mount(ShopProductCard, {
        props: { product: demoProduct({ photoUrl }), quantity: 0, blocker: null, short: 0 },
        global: { plugins: [createAppI18n('zh-CN')] },
      })
    const withPhoto = card('/api/products/1/photo?v=abc')
    const without = card(null)
    await vi.waitFor(() => expect(withPhoto.find('[data-test="product-add"] img').exists()).toBe(true))
    expect(without.find('[data-test="product-add"] [data-test="photo-placeholder"]').exists()).toBe(true)
    expect(without.find('img').exists()).toBe(false)
  })
})
