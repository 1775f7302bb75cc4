// Idempotency-Key handling for effectful POSTs: one key per user action, the same key again
// when that action is retried after a lost connection, so the server never acts twice.
import { ApiError } from './http'

/** A random UUID v4. crypto.randomUUID needs a secure context; village LANs are often plain http. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The request may or may not have reached the server: only then is a retry with the same key right. */
export function isUncertain(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'NETWORK' || err.status === 502 || err.status === 503 || err.status === 504)
}

export interface ActionKeyOptions {
  /** waits before the automatic retries after a lost connection; [] for none */
  retryDelaysMs?: number[]
}

export interface ActionKey {
  /**
   * Runs one user action. `request` identifies it (e.g. the body): the same request after an
   * uncertain failure reuses the key; anything else, or the same request after an answer,
   * gets a fresh key. Uncertain failures are retried automatically with the same key.
   */
  run<T>(request: unknown, call: (key: string) => Promise<T>): Promise<T>
  /** the key the next run of the same request would send; null when a fresh one is due */
  pending(): string | null
  reset(): void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createActionKey(opts: ActionKeyOptions = {}): ActionKey {
  const delays = opts.retryDelaysMs ?? [800, 2000]
  let key: string | null = null
  let fingerprint = ''

  async function run<T>(request: unknown, call: (key: string) => Promise<T>): Promise<T> {
    const print = JSON.stringify(request ?? null)
    if (key === null || print !== fingerprint) {
      key = newIdempotencyKey()
      fingerprint = print
    }
    const mine = key
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await call(mine)
        key = null
        return result
      } catch (err) {
        if (!isUncertain(err)) key = null
        if (!isUncertain(err) || attempt >= delays.length) throw err
        await sleep(delays[attempt])
      }
    }
  }

  return {
    run,
    pending: () => key,
    reset: () => {
      key = null
    },
  }
}
