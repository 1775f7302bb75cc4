import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useInterval } from './useInterval'

describe('useInterval', () => {
  afterEach(() => vi.useRealTimers())

  it('should tick while mounted and never again once the component is gone', () => {
    vi.useFakeTimers()
    const tick = vi.fn()
    const wrapper = mount(defineComponent({ setup: () => (useInterval(tick, 60_000), () => h('div')) }))
    vi.advanceTimersByTime(180_000)
    expect(tick).toHaveBeenCalledTimes(3)
    wrapper.unmount()
    vi.advanceTimersByTime(600_000)
    expect(tick).toHaveBeenCalledTimes(3)
    expect(vi.getTimerCount()).toBe(0)
  })
})
