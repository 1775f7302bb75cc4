// The products this counter handed out lately, kept on the device so they come first in the grid.
const MAX = 24
const keyOf = (villageId: number) => `vp.shop.recent.${villageId}`

export function recentProductIds(villageId: number): number[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(villageId)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : []
  } catch {
    return []
  }
}

/** Puts the given products first (in the given order), keeping at most 24. */
export function rememberProducts(villageId: number, productIds: number[]): number[] {
  const ids = [...new Set([...productIds, ...recentProductIds(villageId)])].slice(0, MAX)
  try {
    localStorage.setItem(keyOf(villageId), JSON.stringify(ids))
  } catch {
    // a full or disabled storage only loses the ordering
  }
  return ids
}
