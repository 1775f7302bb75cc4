import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/http'
import type { RateForm, Rating } from '../../api/earning'
import { flushDrafts, loadDraft, pendingDrafts, roundDrafts, saveDraft, storageKey, toRateForm } from './ratingDrafts'

const scores = { yard: 90, indoors: 80 }
const reply = (householdId: number): Rating => ({
  roundId: 7,
  roundName: '3 月',
  householdId,
  householdCode: `H0${householdId}`,
  headName: '张三',
  groupName: '第1组',
  scores,
  total: 86,
  stars: 2,
  flagged: false,
  followUpOn: null,
  note: null,
  inspector: 'lixin-committee',
  ratedAt: '2025-03-05T10:00:00+08:00',
  photo: false,
})
const describeErr = (err: unknown) => (err instanceof ApiError ? (err.detail ?? err.code) : 'x')

function queue(...householdIds: number[]): void {
  householdIds.forEach((householdId) => saveDraft(7, { householdId, scores, note: '', followUpOn: '', queued: true }))
}

describe('rating drafts on the device', () => {
  it('should keep a draft per round and household across page loads', () => {
    saveDraft(7, { householdId: 1, scores, note: '柴草整齐', followUpOn: '', queued: false })
    saveDraft(8, { householdId: 1, scores: { yard: 50 }, note: '', followUpOn: '', queued: true })
    expect(localStorage.getItem(storageKey(7, 1))).toContain('柴草整齐')
    expect(loadDraft(7, 1)?.note).toBe('柴草整齐')
    expect(loadDraft(8, 1)?.scores).toEqual({ yard: 50 })
    expect(roundDrafts(7)).toHaveLength(1)
    // an unfinished draft is not waiting to be sent
    expect(pendingDrafts(7)).toHaveLength(0)
    expect(pendingDrafts(8)).toHaveLength(1)
  })

  it('should send the queued drafts and forget them once the server has them', async () => {
    queue(1, 2)
    const send = vi.fn(async (householdId: number, _form: RateForm) => reply(householdId))
    const result = await flushDrafts(7, send, describeErr)
    expect(send.mock.calls.map((c) => c[0]).sort()).toEqual([1, 2])
    expect(send.mock.calls[0][1]).toEqual({ scores })
    expect(result.sent.map((r) => r.householdId).sort()).toEqual([1, 2])
    expect(result.waiting).toBe(0)
    expect(roundDrafts(7)).toEqual([])
  })

  it('should keep every unsent draft queued when the network is down, and send them later', async () => {
    queue(1, 2, 3)
    const offline = vi.fn(async () => {
      throw new ApiError(0, 'NETWORK')
    })
    const first = await flushDrafts(7, offline, describeErr)
    expect(first).toEqual({ sent: [], waiting: 3, refused: [] })
    expect(offline).toHaveBeenCalledTimes(1)
    expect(pendingDrafts(7)).toHaveLength(3)

    const online = vi.fn(async (householdId: number) => reply(householdId))
    const second = await flushDrafts(7, online, describeErr)
    expect(second.sent).toHaveLength(3)
    expect(pendingDrafts(7)).toHaveLength(0)
  })

  it('should set a refused rating aside with the server\'s reason and go on with the others', async () => {
    queue(1, 2)
    const send = vi.fn(async (householdId: number) => {
      if (householdId === 1) throw new ApiError(409, 'ROUND_CLOSED', '这一轮评比已经结束')
      return reply(householdId)
    })
    const result = await flushDrafts(7, send, describeErr)
    expect(result.refused).toEqual([{ householdId: 1, reason: '这一轮评比已经结束' }])
    expect(result.sent.map((r) => r.householdId)).toEqual([2])
    expect(loadDraft(7, 1)?.refused).toBe('这一轮评比已经结束')
    expect(pendingDrafts(7)).toEqual([])
  })

  it('should keep an edit made while the earlier version was being sent', async () => {
    vi.useFakeTimers()
    try {
      vi.setSystemTime(new Date('2025-03-05T10:00:00Z'))
      queue(1)
      const send = vi.fn(async (householdId: number) => {
        vi.setSystemTime(new Date('2025-03-05T10:00:05Z'))
        saveDraft(7, { householdId, scores: { yard: 60 }, note: '', followUpOn: '', queued: true })
        return reply(householdId)
      })
      await flushDrafts(7, send, describeErr)
      expect(loadDraft(7, 1)?.scores).toEqual({ yard: 60 })
      expect(pendingDrafts(7)).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('should send the note and follow-up date only when given', () => {
    expect(toRateForm({ scores, note: '  ', followUpOn: '' })).toEqual({ scores })
    expect(toRateForm({ scores, note: ' 门前柴草 ', followUpOn: '2025-04-01' })).toEqual({ scores, note: '门前柴草', followUpOn: '2025-04-01' })
  })
})
