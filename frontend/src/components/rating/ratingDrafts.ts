// Rating drafts kept on the device, per round and household, so a walk from house to house
// survives a lost connection: a finished rating waits in a queue and is sent when the network
// is back. A rating the server refuses (e.g. the round was closed) leaves the queue with its
// reason, so it never blocks the others.
import { ApiError } from '../../api/http'
import type { RateForm, Rating } from '../../api/earning'

export interface RatingDraft {
  householdId: number
  scores: Record<string, number>
  note: string
  followUpOn: string
  /** true once the inspector finished it; false while still being filled in */
  queued: boolean
  /** the server's reason when it refused the rating */
  refused?: string
  savedAt: string
}

const PREFIX = 'vp.rating.'

export function storageKey(roundId: number, householdId: number): string {
  return `${PREFIX}${roundId}.${householdId}`
}

function parse(text: string | null): RatingDraft | null {
  if (!text) return null
  try {
    return JSON.parse(text) as RatingDraft
  } catch {
    return null
  }
}

export function loadDraft(roundId: number, householdId: number, store: Storage = localStorage): RatingDraft | null {
  return parse(store.getItem(storageKey(roundId, householdId)))
}

export function saveDraft(roundId: number, draft: Omit<RatingDraft, 'savedAt'>, store: Storage = localStorage): void {
  store.setItem(storageKey(roundId, draft.householdId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }))
}

export function removeDraft(roundId: number, householdId: number, store: Storage = localStorage): void {
  store.removeItem(storageKey(roundId, householdId))
}

/** Every draft of a round (queued or not), by household id. */
export function roundDrafts(roundId: number, store: Storage = localStorage): RatingDraft[] {
  const prefix = `${PREFIX}${roundId}.`
  const out: RatingDraft[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key?.startsWith(prefix)) {
      const draft = parse(store.getItem(key))
      if (draft) out.push(draft)
    }
  }
  return out.sort((a, b) => a.savedAt.localeCompare(b.savedAt))
}

/** Drafts finished and waiting to be sent (not refused). */
export function pendingDrafts(roundId: number, store: Storage = localStorage): RatingDraft[] {
  return roundDrafts(roundId, store).filter((d) => d.queued && !d.refused)
}

export function toRateForm(draft: Pick<RatingDraft, 'scores' | 'note' | 'followUpOn'>): RateForm {
  const form: RateForm = { scores: { ...draft.scores } }
  if (draft.note.trim()) form.note = draft.note.trim()
  if (draft.followUpOn) form.followUpOn = draft.followUpOn
  return form
}

/** Lost connection, or a server that did not answer properly: worth sending again later. */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiError) || err.code === 'NETWORK' || err.status === 0 || err.status >= 500 || err.status === 429
}

export interface FlushResult {
  sent: Rating[]
  /** still waiting (network) */
  waiting: number
  /** refused by the server, with its reason */
  refused: { householdId: number; reason: string }[]
}

/**
 * Sends the queued drafts of a round one by one. A sent draft is removed; on a network error
 * the rest stay queued for the next try; a refusal is kept aside with its reason.
 */
export async function flushDrafts(
  roundId: number,
  send: (householdId: number, form: RateForm) => Promise<Rating>,
  describe: (err: unknown) => string,
  store: Storage = localStorage,
): Promise<FlushResult> {
  const result: FlushResult = { sent: [], waiting: 0, refused: [] }
  const queue = pendingDrafts(roundId, store)
  for (let i = 0; i < queue.length; i++) {
    const draft = queue[i]
    try {
      result.sent.push(await send(draft.householdId, toRateForm(draft)))
      // a newer edit made while sending stays
      const now = loadDraft(roundId, draft.householdId, store)
      if (now && now.savedAt === draft.savedAt) removeDraft(roundId, draft.householdId, store)
    } catch (err) {
      if (isRetryable(err)) {
        result.waiting = queue.length - i
        return result
      }
      const reason = describe(err)
      saveDraft(roundId, { ...draft, refused: reason }, store)
      result.refused.push({ householdId: draft.householdId, reason })
    }
  }
  return result
}
