import { http } from './http'

export type EntryKind = 'AWARD' | 'DEDUCTION' | 'REDEMPTION' | 'REFUND' | 'REVERSAL' | 'EXPIRY' | 'OPENING' | 'ADJUSTMENT'

/** One line of a household's passbook (积分存折). */
export interface PassbookLine {
  entryId: number
  transferId: number
  /** signed: + received, − taken */
  amount: number
  balanceAfter: number
  kind: EntryKind | string
  reason: string | null
  occurredAt: string
  recordedAt: string
  actor: string | null
  reversesTransferId: number | null
  reversedByTransferId: number | null
}

export interface Expiring {
  earnedYear: number
  points: number
  /** YYYY-MM-DD */
  expiresOn: string
}

export interface Passbook {
  householdId: number
  balance: number
  items: PassbookLine[]
  page: number
  size: number
  total: number
  expiring: Expiring | null
}

export interface PassbookQuery {
  /** 0-based */
  page?: number
  size?: number
  /** YYYY-MM-DD */
  from?: string
  to?: string
}

export interface PostedTransfer {
  id: number
  villageId: number
  kind: string
  amount: number
  reason: string
  occurredAt: string
  recordedAt: string
  reversesTransferId: number | null
}

export interface AdjustmentResponse {
  transfer: PostedTransfer
  balanceAfter: number
}

export interface Adjustment {
  /** may be negative, never 0 */
  points: number
  reason: string
}

export const ledgerApi = {
  passbook: (householdId: number, query: PassbookQuery = {}) =>
    http.get<Passbook>(`/api/households/${householdId}/entries`, { ...query }),
  adjust: (householdId: number, body: Adjustment, idempotencyKey: string) =>
    http.postOnce<AdjustmentResponse>(`/api/households/${householdId}/adjustments`, body, idempotencyKey),
  reverse: (transferId: number, reason: string, idempotencyKey: string) =>
    http.postOnce<PostedTransfer>(`/api/transfers/${transferId}/reverse`, { reason }, idempotencyKey),
}
