import { describe, expect, it } from 'vitest'
import { installFakeApi, problem } from '../../testing/fakeApi'
import { demoReceipt } from '../../testing/shopDemoData'
import type { RedeemRequest } from '../../api/shop'
import { useRedemptionSubmit } from './useRedemptionSubmit'

const body: RedeemRequest = { cardCode: 'VP1.ABCDEFGHJKLM.sig', pin: '123456', items: [{ productId: 1, quantity: 1 }] }
const keysOf = (calls: { path: string; headers: Headers }[]) =>
  calls.filter((c) => c.path === '/api/redemptions').map((c) => c.headers.get('Idempotency-Key'))

/** Replies from a list, one per call: 'drop' throws like a lost connection, 'hang' never answers. */
function replies(...plan: ('drop' | 'hang' | 'ok' | Response)[]) {
  let n = 0
  return installFakeApi({
    'POST /api/redemptions': () => {
      const next = plan[Math.min(n++, plan.length - 1)]
      if (next === 'drop') throw new TypeError('Failed to fetch')
      if (next === 'hang') return new Promise<never>(() => {})
      if (next === 'ok') return new Response(JSON.stringify(demoReceipt()), { status: 201, headers: { 'Content-Type': 'application/json' } })
      return next
    },
  })
}

describe('confirming a redemption', () => {
  it('should retry a lost connection with the same Idempotency-Key and show the final result', async () => {
    const { calls } = replies('drop', 'drop', 'ok')
    const submitter = useRedemptionSubmit({ retryDelaysMs: [1, 1, 1] })

    const receipt = await submitter.submit(body)

    expect(receipt?.balanceAfter).toBe(25)
    const keys = keysOf(calls)
    expect(keys).toHaveLength(3)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(keys).size).toBe(1)
    expect(submitter.error.value).toBeNull()
  })

  it('should treat an attempt without an answer as lost and retry it with the same key', async () => {
    const { calls } = replies('hang', 'ok')
    const submitter = useRedemptionSubmit({ retryDelaysMs: [1], timeoutMs: 20 })

    const receipt = await submitter.submit(body)

    expect(receipt?.id).toBe(77)
    const keys = keysOf(calls)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('should keep the key after the automatic retries give up, and reuse it for 重试', async () => {
    const { calls } = replies('drop', 'drop', 'drop', 'ok')
    const submitter = useRedemptionSubmit({ retryDelaysMs: [1, 1] })

    expect(await submitter.submit(body)).toBeNull()
    expect(submitter.uncertain.value).toBe(true)
    const pending = submitter.pendingKey()
    expect(pending).not.toBeNull()

    const receipt = await submitter.retry()

    expect(receipt?.id).toBe(77)
    expect(keysOf(calls)).toEqual([pending, pending, pending, pending])
    expect(submitter.uncertain.value).toBe(false)
  })

  it('should use a new key for the next confirm once an answer came', async () => {
    const { calls } = replies('ok', 'ok')
    const submitter = useRedemptionSubmit({ retryDelaysMs: [] })

    await submitter.submit(body)
    await submitter.submit(body)

    const [first, second] = keysOf(calls)
    expect(first).not.toBe(second)
  })

  it('should not retry a refusal and should keep the server sentence to show as it is', async () => {
    const { calls } = replies(problem(409, 'INSUFFICIENT_POINTS', '余额不足：还差 12 分'), 'ok')
    const submitter = useRedemptionSubmit({ retryDelaysMs: [1, 1] })

    expect(await submitter.submit(body)).toBeNull()

    expect(keysOf(calls)).toHaveLength(1)
    expect(submitter.uncertain.value).toBe(false)
    expect((submitter.error.value as Error).message).toBe('余额不足：还差 12 分')
    expect(submitter.pendingKey()).toBeNull()
  })
})
