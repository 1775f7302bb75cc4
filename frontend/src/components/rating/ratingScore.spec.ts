import { describe, expect, it } from 'vitest'
import type { RatingSheet } from '../../api/earning'
import { clampScore, fullScores, isFlagged, ratingStars, ratingTotal, starPoints } from './ratingScore'

// the backend's default sheet
const sheet: RatingSheet = {
  areas: [
    { key: 'yard', name: '庭院', weight: 25 },
    { key: 'indoors', name: '室内', weight: 20 },
    { key: 'kitchen', name: '厨房', weight: 15 },
    { key: 'toilet', name: '卫生厕所', weight: 15 },
    { key: 'around', name: '房前屋后', weight: 15 },
    { key: 'conduct', name: '家风家教', weight: 10 },
  ],
  bands: [
    { min: 90, stars: 3 },
    { min: 80, stars: 2 },
    { min: 70, stars: 1 },
  ],
  starPoints: { '1': 2, '2': 5, '3': 10 },
  flagBelow: 60,
}

describe('clean-home score', () => {
  it('should weight the areas and round the total as the server does', () => {
    expect(ratingTotal(sheet, fullScores(sheet, 80))).toBe(80)
    // (100·25 + 80·75) / 100 = 85
    expect(ratingTotal(sheet, { ...fullScores(sheet, 80), yard: 100 })).toBe(85)
    // (85·25 + 90·75) / 100 = 88.75 → 89
    expect(ratingTotal(sheet, { ...fullScores(sheet, 90), yard: 85 })).toBe(89)
    // (90·90 + 85·10) / 100 = 89.5 → 90 (halves go up)
    expect(ratingTotal(sheet, { ...fullScores(sheet, 90), conduct: 85 })).toBe(90)
  })

  it('should have no total until every area is scored', () => {
    const rest: Record<string, number> = fullScores(sheet, 90)
    delete rest.yard
    expect(ratingTotal(sheet, rest)).toBeNull()
    expect(ratingTotal(sheet, { ...rest, yard: 120 })).toBeNull()
  })

  it('should give the stars of the highest band reached, and points for them', () => {
    expect(ratingStars(sheet, 100)).toBe(3)
    expect(ratingStars(sheet, 90)).toBe(3)
    expect(ratingStars(sheet, 89)).toBe(2)
    expect(ratingStars(sheet, 70)).toBe(1)
    expect(ratingStars(sheet, 69)).toBe(0)
    expect(starPoints(sheet, 3)).toBe(10)
    expect(starPoints(sheet, 0)).toBe(0)
  })

  it('should flag a household below the sheet\'s line for rectification', () => {
    expect(isFlagged(sheet, 59)).toBe(true)
    expect(isFlagged(sheet, 60)).toBe(false)
  })

  it('should keep scores on 0–100 in steps of 5', () => {
    expect(clampScore(83)).toBe(85)
    expect(clampScore(-5)).toBe(0)
    expect(clampScore(105)).toBe(100)
  })
})
