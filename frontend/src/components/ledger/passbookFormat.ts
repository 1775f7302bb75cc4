// How passbook lines read: signed points, their colour, the kind in words, the date.
import type { EntryKind, PassbookLine } from '../../api/ledger'

export const ENTRY_KINDS: EntryKind[] = [
  'AWARD',
  'DEDUCTION',
  'REDEMPTION',
  'REFUND',
  'REVERSAL',
  'EXPIRY',
  'OPENING',
  'ADJUSTMENT',
]

/** "+10", "-5", "0": the sign is always written, an elderly reader should not have to guess. */
export function signedPoints(amount: number): string {
  if (amount > 0) return `+${amount}`
  if (amount < 0) return `-${Math.abs(amount)}`
  return '0'
}

export type AmountTone = 'gain' | 'loss' | 'none'

export function amountTone(amount: number): AmountTone {
  return amount > 0 ? 'gain' : amount < 0 ? 'loss' : 'none'
}

/** i18n key of the kind's name; unknown kinds read as "other". */
export function kindKey(kind: string): string {
  return (ENTRY_KINDS as string[]).includes(kind) ? `ledger.kind.${kind}` : 'ledger.kind.OTHER'
}

export interface DateParts {
  y: number
  m: number
  d: number
}

/**
 * The calendar date of an ISO date or date-time as the server wrote it (the village's local
 * date), without converting to the browser's time zone.
 */
export function dateParts(iso: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return null
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) }
}

/** A committee may reverse a line that is not itself a reversal and was not reversed yet. */
export function canReverse(line: PassbookLine): boolean {
  return line.kind !== 'REVERSAL' && line.reversesTransferId === null && line.reversedByTransferId === null
}
