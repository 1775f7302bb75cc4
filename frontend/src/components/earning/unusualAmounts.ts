// 金额异常: a household whose total in one meeting batch stands out, so the committee looks
// twice before it submits. Two plain rules:
// - over a cap: one of the household's lines is over its rule's cap (what posting would cut);
// - far above the typical: the household's total (in absolute points) is more than `multiple`
//   times the median of all households' totals in this batch. A median needs at least three
//   households; with fewer, only caps are checked.
import { totalsByHousehold, type DraftHousehold, type DraftLine, type LineWarning } from './batchDraft'

export const DEFAULT_UNUSUAL_MULTIPLE = 3
const MIN_HOUSEHOLDS_FOR_MEDIAN = 3

export interface UnusualHousehold {
  household: DraftHousehold
  points: number
  overCap: boolean
  /** set when the total is more than `multiple` × `typical` */
  aboveTypical: boolean
  /** the median household total (absolute points) of the batch */
  typical: number
}

export function median(values: number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Households to look at twice, keyed by household id, in the order they first appear. */
export function unusualHouseholds(
  lines: DraftLine[],
  warnings: Map<string, LineWarning[]>,
  multiple: number = DEFAULT_UNUSUAL_MULTIPLE,
): Map<number, UnusualHousehold> {
  const totals = totalsByHousehold(lines)
  const typical = totals.length >= MIN_HOUSEHOLDS_FOR_MEDIAN ? median(totals.map((t) => Math.abs(t.points))) : 0
  const capped = new Set(lines.filter((l) => warnings.get(l.key)?.some((w) => w.kind === 'cap')).map((l) => l.household.id))
  const out = new Map<number, UnusualHousehold>()
  for (const t of totals) {
    const overCap = capped.has(t.household.id)
    const aboveTypical = typical > 0 && Math.abs(t.points) > multiple * typical
    if (overCap || aboveTypical) out.set(t.household.id, { household: t.household, points: t.points, overCap, aboveTypical, typical })
  }
  return out
}
