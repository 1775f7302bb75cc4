// Confirming a redemption: one Idempotency-Key per confirm. A lost or slow connection is retried
// with the same key (the server answers a repeat with the first result, so nobody pays twice);
// after the automatic retries the attendant's "重试" sends the very same request and key again.
import { ref, shallowRef } from 'vue'
import { ApiError } from '../../api/http'
import { createActionKey, isUncertain } from '../../api/idempotency'
import { shopApi, type Receipt, type RedeemRequest } from '../../api/shop'

export interface SubmitOptions {
  /** waits before the automatic retries */
  retryDelaysMs?: number[]
  /** an attempt without an answer after this long counts as a lost connection */
  timeoutMs?: number
  redeem?: (body: RedeemRequest, key: string) => Promise<Receipt>
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiError(0, 'NETWORK')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        reject(err)
      },
    )
  })
}

export function useRedemptionSubmit(opts: SubmitOptions = {}) {
  const redeem = opts.redeem ?? shopApi.redeem
  const timeoutMs = opts.timeoutMs ?? 15_000
  const actionKey = createActionKey({ retryDelaysMs: opts.retryDelaysMs ?? [700, 1500, 3000] })
  const submitting = ref(false)
  const error = shallowRef<unknown>(null)
  /** no answer came: the redemption may or may not have happened until a retry tells */
  const uncertain = ref(false)
  let lastBody: RedeemRequest | null = null

  async function submit(body: RedeemRequest): Promise<Receipt | null> {
    if (submitting.value) return null
    lastBody = body
    submitting.value = true
    error.value = null
    try {
      const receipt = await actionKey.run(body, (key) => withTimeout(redeem(body, key), timeoutMs))
      uncertain.value = false
      lastBody = null
      return receipt
    } catch (err) {
      error.value = err
      uncertain.value = isUncertain(err)
      return null
    } finally {
      submitting.value = false
    }
  }

  /** Sends the last request again with its key (after the automatic retries gave up). */
  function retry(): Promise<Receipt | null> {
    return lastBody ? submit(lastBody) : Promise.resolve(null)
  }

  /** Forgets the pending request and its key: the next confirm is a new action. */
  function reset(): void {
    actionKey.reset()
    lastBody = null
    error.value = null
    uncertain.value = false
  }

  return { submitting, error, uncertain, submit, retry, reset, pendingKey: () => actionKey.pending() }
}
