import { describe, expect, it } from 'vitest'
import { ApiError } from './http'
import { createActionKey, isUncertain, newIdempotencyKey } from './idempotency'
import { ledgerApi } from './ledger'
import { installFakeApi, problem } from '../testing/fakeApi'

const adjusted = { transfer: { id: 1 }, balanceAfter: 15 }
const networkDown = () => {
  throw new TypeError('Failed to fetch')
}
const keysSent = (api: ReturnType<typeof installFakeApi>) => api.calls.map((c) => c.headers.get('Idempotency-Key'))

describe('Idempotency-Key', () => {
  it('should be a UUID the server accepts, different every time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('should count only a lost connection or a gateway error as uncertain', () => {
    expect(isUncertain(new ApiError(0, 'NETWORK'))).toBe(true)
    expect(isUncertain(new ApiError(503, 'HTTP_503'))).toBe(true)
    expect(isUncertain(new ApiError(409, 'INSUFFICIENT_POINTS'))).toBe(false)
    expect(isUncertain(new Error('x'))).toBe(false)
  })
})

describe('adjustment with an action key', () => {
  it('should retry a lost adjustment automatically with the same key', async () => {
    let calls = 0
    const api = installFakeApi({
      'POST /api/households/*/adjustments': () => (++calls === 1 ? networkDown() : adjusted),
    })
    const action = createActionKey({ retryDelaysMs: [0] })
    const body = { points: 10, reason: '补录' }

    const res = await action.run(body, (key) => ledgerApi.adjust(5000, body, key))

    expect(res.balanceAfter).toBe(15)
    const [first, second] = keysSent(api)
    expect(first).toBeTruthy()
    expect(second).toBe(first)
    expect(api.calls[1].body).toEqual(body)
  })

  it('should reuse the key when the user retries the same adjustment after the connection failed', async () => {
    let online = false
    const api = installFakeApi({
      'POST /api/households/*/adjustments': () => (online ? adjusted : networkDown()),
    })
    const action = createActionKey({ retryDelaysMs: [] })
    const body = { points: 10, reason: '补录' }

    await expect(action.run(body, (key) => ledgerApi.adjust(5000, body, key))).rejects.toMatchObject({ code: 'NETWORK' })
    const lost = action.pending()
    expect(lost).toBe(keysSent(api)[0])

    online = true
    await action.run(body, (key) => ledgerApi.adjust(5000, body, key))

    expect(keysSent(api)).toEqual([lost, lost])
    expect(action.pending()).toBeNull()
  })

  it('should use a fresh key for the next action after an answer', async () => {
    const api = installFakeApi({ 'POST /api/households/*/adjustments': () => adjusted })
    const action = createActionKey({ retryDelaysMs: [] })
    const body = { points: 10, reason: '补录' }

    await action.run(body, (key) => ledgerApi.adjust(5000, body, key))
    await action.run(body, (key) => ledgerApi.adjust(5000, body, key))

    const [a, b] = keysSent(api)
    expect(a).not.toBe(b)
  })

  it('should use a fresh key after a refusal, and when the request changed', async () => {
    let refuse = true
    const api = installFakeApi({
      'POST /api/households/*/adjustments': () =>
        refuse ? problem(409, 'INSUFFICIENT_POINTS', '余额不足：还差 5 分') : networkDown(),
    })
    const action = createActionKey({ retryDelaysMs: [] })
    const minus = { points: -20, reason: '扣分' }

    await expect(action.run(minus, (key) => ledgerApi.adjust(5000, minus, key))).rejects.toMatchObject({
      detail: '余额不足：还差 5 分',
    })
    expect(action.pending()).toBeNull()

    refuse = false
    await expect(action.run(minus, (key) => ledgerApi.adjust(5000, minus, key))).rejects.toBeTruthy()
    const smaller = { points: -10, reason: '扣分' }
    await expect(action.run(smaller, (key) => ledgerApi.adjust(5000, smaller, key))).rejects.toBeTruthy()

    const [first, second, third] = keysSent(api)
    expect(new Set([first, second, third]).size).toBe(3)
  })
})
