import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '../../api/http'
import type { QrToken } from '../../api/shop'
import { demoQrToken } from '../../testing/shopDemoData'
import { refreshDelayMs, useRedemptionCode, type RedemptionCodeOptions } from './useRedemptionCode'

function mountCode(fetchToken: (id: number) => Promise<QrToken>, opts: RedemptionCodeOptions = {}) {
  let code!: ReturnType<typeof useRedemptionCode>
  const wrapper = mount(
    defineComponent({
      setup() {
        code = useRedemptionCode(ref(5000), { fetchToken, ...opts })
        return () => h('div')
      },
    }),
  )
  return { wrapper, code }
}

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
  await flushPromises()
}

describe('the villager redemption code', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should plan the next code 10 s before the lifetime ends, never sooner than 5 s', () => {
    expect(refreshDelayMs(60)).toBe(50_000)
    expect(refreshDelayMs(60, 15)).toBe(45_000)
    expect(refreshDelayMs(8)).toBe(5_000)
  })

  it('should fetch a code at once and count down the seconds left', async () => {
    let n = 0
    const fetchToken = vi.fn(async () => demoQrToken(++n))
    const { code } = mountCode(fetchToken)
    await flushPromises()

    expect(fetchToken).toHaveBeenCalledWith(5000)
    expect(code.token.value).toBe(demoQrToken(1).token)
    expect(code.secondsLeft.value).toBe(60)
    await advance(3000)
    expect(code.secondsLeft.value).toBe(57)
  })

  it('should replace the code about 10 s before it expires', async () => {
    let n = 0
    const fetchToken = vi.fn(async () => demoQrToken(++n))
    const { code } = mountCode(fetchToken)
    await flushPromises()

    await advance(49_000)
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(code.secondsLeft.value).toBe(11)
    await advance(1_000)
    expect(fetchToken).toHaveBeenCalledTimes(2)
    expect(code.token.value).toBe(demoQrToken(2).token)
    expect(code.secondsLeft.value).toBe(60)
    await advance(50_000)
    expect(fetchToken).toHaveBeenCalledTimes(3)
  })

  it('should start a new 50 s wait after a manual refresh', async () => {
    let n = 0
    const fetchToken = vi.fn(async () => demoQrToken(++n))
    const { code } = mountCode(fetchToken)
    await flushPromises()

    await advance(30_000)
    await code.refresh()
    expect(fetchToken).toHaveBeenCalledTimes(2)
    await advance(49_000)
    expect(fetchToken).toHaveBeenCalledTimes(2)
    await advance(1_000)
    expect(fetchToken).toHaveBeenCalledTimes(3)
  })

  it('should try again after 5 s when the code could not be fetched', async () => {
    const fetchToken = vi
      .fn<(id: number) => Promise<QrToken>>()
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
      .mockResolvedValue(demoQrToken(1))
    const { code } = mountCode(fetchToken)
    await flushPromises()

    expect(code.error.value).toBeInstanceOf(ApiError)
    expect(code.token.value).toBeNull()
    await advance(4_900)
    expect(fetchToken).toHaveBeenCalledTimes(1)
    await advance(100)
    expect(fetchToken).toHaveBeenCalledTimes(2)
    expect(code.error.value).toBeNull()
    expect(code.token.value).toBe(demoQrToken(1).token)
  })

  it('should stop refreshing when the page is left', async () => {
    const fetchToken = vi.fn(async () => demoQrToken(1))
    const { wrapper } = mountCode(fetchToken)
    await flushPromises()

    wrapper.unmount()
    await advance(120_000)
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })
})
