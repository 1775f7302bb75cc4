// Household cards: the printable A4 sheet, one card's picture, reissue and revoke, scan lookup.
import { http } from './http'

export interface IssuedCard {
  householdId: number
  serial: string
  payload: string
}

export interface CardHolder {
  serial: string
  status: string
  householdId: number
  householdCode: string
  headName: string
  groupName: string
  villageId: number
  villageName: string
  balance: number
}

export const cardsApi = {
  /** A4 PDF, 8 cards a page; all groups when groupId is null */
  sheet: (villageId: number, groupId: number | null) =>
    http.blob(`/api/villages/${villageId}/cards.pdf`, { groupId }),
  picture: (householdId: number) => http.blob(`/api/households/${householdId}/card.png`),
  reissue: (householdId: number, idempotencyKey: string) =>
    http.postOnce<IssuedCard>(`/api/households/${householdId}/card/reissue`, undefined, idempotencyKey),
  revoke: (householdId: number) => http.post<void>(`/api/households/${householdId}/card/revoke`),
  resolve: (payload: string) => http.get<CardHolder>(`/api/cards/${encodeURIComponent(payload)}`),
}
