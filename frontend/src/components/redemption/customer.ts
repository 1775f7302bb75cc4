// Who is at the counter: a scanned phone code or card turned into the household to serve.
import { shopApi, type CardFactor, type RedeemProof } from '../../api/shop'
import type { ScannedCode } from './scanCode'

export interface Customer {
  householdId: number
  householdCode: string
  headName: string
  groupName: string | null
  balance: number
  stars: number | null
  scanned: ScannedCode
}

/** Looks the household up for display; the server checks the code itself only on redeem. */
export async function lookupCustomer(scanned: ScannedCode): Promise<Customer> {
  if (scanned.kind === 'phone') {
    const h = await shopApi.household(scanned.householdId)
    return {
      householdId: h.id,
      householdCode: h.code,
      headName: h.headName,
      groupName: h.groupName,
      balance: h.balance ?? 0,
      stars: h.stars ?? null,
      scanned,
    }
  }
  const card = await shopApi.card(scanned.payload)
  return {
    householdId: card.householdId,
    householdCode: card.householdCode,
    headName: card.headName,
    groupName: card.groupName,
    balance: card.balance,
    stars: card.stars ?? null,
    scanned,
  }
}

/** The proof to send with the redemption; null while the card's second factor is missing. */
export function proofOf(customer: Customer, factor: CardFactor, pin: string, nameConfirmed: boolean): RedeemProof | null {
  if (customer.scanned.kind === 'phone') return { qrToken: customer.scanned.token }
  if (factor === 'CONFIRM_NAME') return nameConfirmed ? { cardCode: customer.scanned.payload, nameConfirmed: true } : null
  return /^\d{6}$/.test(pin) ? { cardCode: customer.scanned.payload, pin } : null
}
