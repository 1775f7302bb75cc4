import { describe, expect, it } from 'vitest'
import type { Rule } from '../../api/earning'
import { addLines, lineWarnings, type DraftHousehold, type DraftLine } from './batchDraft'
import { median, unusualHouseholds } from './unusualAmounts'

const rule = (id: number, points: number, over: Partial<Rule> = {}): DraftLine['rule'] => ({
  id, name: `细则${id}`, category: '志愿服务', points, capPeriod: 'NONE', capPoints: null, evidenceRequired: false, ...over,
})
const h = (id: number): DraftHousehold => ({ id, code: `H00${id}`, headName: `户主${id}`, groupName: '第1组' })
const flags = (lines: DraftLine[], multiple?: number) => unusualHouseholds(lines, lineWarnings(lines, '2025-03-05'), multiple)

describe('unusual amounts', () => {
  it('should take the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBe(0)
    expect(median([7, 1, 3])).toBe(3)
    expect(median([10, 2, 4, 6])).toBe(5)
  })

  it('should flag a household whose total is more than three times the median of the batch', () => {
    let lines = addLines([], rule(1, 5), [h(1), h(2), h(3), h(4)])
    lines = addLines(lines, rule(2, 10), [h(4)]) // H004: 15 points, median 5 → 15 is not more than 3 × 5
    expect([...flags(lines).keys()]).toEqual([])
    lines = addLines(lines, rule(3, 2), [h(4)]) // 17 > 15
    const flagged = flags(lines)
    expect([...flagged.keys()]).toEqual([4])
    expect(flagged.get(4)).toMatchObject({ points: 17, typical: 5, aboveTypical: true, overCap: false })
  })

  it('should use the village\'s multiple and compare deductions by their size', () => {
    let lines = addLines([], rule(1, 5), [h(1), h(2), h(3)])
    lines = addLines(lines, rule(2, -12), [h(4)])
    expect([...flags(lines, 2).keys()]).toEqual([4])
    expect([...flags(lines, 3).keys()]).toEqual([])
  })

  it('should not judge by a median of fewer than three households', () => {
    const lines = addLines(addLines([], rule(1, 1), [h(1)]), rule(2, 50), [h(2)])
    expect(flags(lines).size).toBe(0)
  })

  it('should flag a household with a line over its rule\'s cap, whatever the median', () => {
    const capped = rule(5, 5, { capPeriod: 'MONTH', capPoints: 5 })
    const lines = addLines(addLines([], capped, [h(1)]), capped, [h(1)])
    expect(flags(lines).get(1)).toMatchObject({ overCap: true, aboveTypical: false, points: 10 })
  })
})
