// The clean-home score sheet's arithmetic, as the backend does it: the weighted total of the
// areas (0–100 each), rounded; stars from the highest band reached; flagged below flagBelow.
import type { RatingSheet } from '../../api/earning'

export const SCORE_STEP = 5

/** null until every area has a score. */
export function ratingTotal(sheet: RatingSheet, scores: Record<string, number | undefined>): number | null {
  let sum = 0
  let weights = 0
  for (const area of sheet.areas) {
    const s = scores[area.key]
    if (s === undefined || s === null || !Number.isFinite(s) || s < 0 || s > 100) return null
    sum += s * area.weight
    weights += area.weight
  }
  // Java's Math.round: halves go up
  return weights === 0 ? null : Math.floor(sum / weights + 0.5)
}

export function ratingStars(sheet: RatingSheet, total: number): number {
  return sheet.bands.filter((b) => total >= b.min).reduce((best, b) => Math.max(best, b.stars), 0)
}

export function isFlagged(sheet: RatingSheet, total: number): boolean {
  return total < sheet.flagBelow
}

/** Points the stars earn (the sheet's starPoints), 0 for no star. */
export function starPoints(sheet: RatingSheet, stars: number): number {
  return sheet.starPoints[String(stars)] ?? 0
}

/** Keeps a score on the 0–100 scale in steps of 5. */
export function clampScore(value: number): number {
  const stepped = Math.round(value / SCORE_STEP) * SCORE_STEP
  return Math.min(100, Math.max(0, stepped))
}

export function fullScores(sheet: RatingSheet, value: number): Record<string, number> {
  return Object.fromEntries(sheet.areas.map((a) => [a.key, clampScore(value)]))
}
