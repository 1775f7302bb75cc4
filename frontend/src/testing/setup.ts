import { afterEach, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'

// Element Plus measures elements; jsdom has no ResizeObserver.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver

enableAutoUnmount(afterEach)

afterEach(() => {
  localStorage.clear()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})
