import { describe, expect, it } from 'vitest'
import type { Rule } from '../../api/earning'
import {
  addLines,
  capPeriodKey,
  lineWarnings,
  toBatchItems,
  totalPoints,
  totalsByCategory,
  totalsByHousehold,
  warningCounts,
  type DraftHousehold,
  type DraftLine,
} from './batchDraft'

const rule = (over: Partial<Rule> & Pick<Rule, 'id' | 'name' | 'points'>): Rule => ({
  category: '志愿服务',
  capPeriod: 'NONE',
  capPoints: null,
  evidenceRequired: false,
  active: true,
  version: 1,
  versionId: over.id,
  ...over,
})
const volunteer = rule({ id: 1, name: '参加义务劳动', points: 5, capPeriod: 'MONTH', capPoints: 20 })
const meeting = rule({ id: 2, name: '参加月度例会', points: 2, category: '遵纪守法', capPeriod: 'MONTH', capPoints: 2 })
const burning = rule({ id: 3, name: '焚烧秸秆', points: -5, category: '人居环境', evidenceRequired: true })
const h = (id: number): DraftHousehold => ({ id, code: `H0${id}`, headName: `户主${id}`, groupName: '第1组' })

describe('meeting draft', () => {
  it('should add one line per ticked household with the note and evidence', () => {
    const lines = addLines([], burning, [h(1), h(2)], { note: ' 3 月 ', evidence: ' 照片 12 ' })
    expect(lines.map((l) => [l.household.id, l.rule.id, l.note, l.evidence])).toEqual([
      [1, 3, '3 月', '照片 12'],
      [2, 3, '3 月', '照片 12'],
    ])
    expect(new Set(lines.map((l) => l.key)).size).toBe(2)
  })

  it('should total per household and per category, awards and deductions apart', () => {
    let lines = addLines([], volunteer, [h(1), h(2)])
    lines = addLines(lines, burning, [h(1)], { evidence: '照片' })
    lines = addLines(lines, meeting, [h(2)])
    expect(totalPoints(lines)).toBe(7)
    expect(totalsByHousehold(lines).map((t) => [t.household.code, t.lines, t.points])).toEqual([
      ['H01', 2, 0],
      ['H02', 2, 7],
    ])
    expect(totalsByCategory(lines)).toEqual([
      { category: '志愿服务', lines: 2, awarded: 10, deducted: 0 },
      { category: '人居环境', lines: 1, awarded: 0, deducted: 5 },
      { category: '遵纪守法', lines: 1, awarded: 2, deducted: 0 },
    ])
  })

  it('should warn about the same rule twice for one household, on both lines', () => {
    let lines = addLines([], meeting, [h(1), h(2)])
    lines = addLines(lines, meeting, [h(1)])
    const warnings = lineWarnings(lines, '2025-03-20')
    const dup = lines.filter((l) => warnings.get(l.key)?.some((w) => w.kind === 'duplicate'))
    expect(dup.map((l) => l.household.id)).toEqual([1, 1])
    expect(warnings.get(lines[1].key)).toBeUndefined()
  })

  it('should warn when a household goes over the cap within the batch, not when it stays under it', () => {
    // 5 × 5 = 25 > 20 a month for household 1; 4 × 5 = 20 for household 2
    let lines: DraftLine[] = []
    for (let i = 0; i < 5; i++) lines = addLines(lines, volunteer, [h(1)])
    for (let i = 0; i < 4; i++) lines = addLines(lines, volunteer, [h(2)])
    const warnings = lineWarnings(lines, '2025-03-20')
    const over = lines.filter((l) => l.household.id === 1).map((l) => warnings.get(l.key)?.find((w) => w.kind === 'cap'))
    expect(over.every((w) => w && w.kind === 'cap' && w.total === 25 && w.capPoints === 20 && w.capPeriod === 'MONTH')).toBe(true)
    expect(lines.filter((l) => l.household.id === 2).some((l) => warnings.get(l.key)?.some((w) => w.kind === 'cap'))).toBe(false)
    expect(warningCounts(warnings)).toEqual({ duplicate: 9, cap: 5, evidence: 0 })
  })

  it('should count a cap per period of the deed: two months are two caps', () => {
    const lines = addLines([], meeting, [h(1), h(1)]).map((l, i) => ({ ...l, occurredOn: i === 0 ? '2025-02-27' : '' }))
    const warnings = lineWarnings(lines, '2025-03-05')
    expect([...warnings.values()].flat().some((w) => w.kind === 'cap')).toBe(false)
    expect(capPeriodKey('QUARTER', '2025-05-01')).toBe('2025Q2')
    expect(capPeriodKey('YEAR', '2025-05-01')).toBe('2025')
    expect(capPeriodKey('NONE', '2025-05-01')).toBe('2025')
  })

  it('should ask for evidence on a deduction that needs it until it is filled in', () => {
    const lines = addLines([], burning, [h(1)])
    expect(lineWarnings(lines, '2025-03-05').get(lines[0].key)).toEqual([{ kind: 'evidence' }])
    const filled = [{ ...lines[0], evidence: '照片 3 张' }]
    expect(lineWarnings(filled, '2025-03-05').get(lines[0].key)).toBeUndefined()
  })

  it('should send the items in order, with the application, the deed date and no empty texts', () => {
    const lines: DraftLine[] = [
      { ...addLines([], volunteer, [h(1)])[0], occurredOn: '2025-03-02', applicationId: 77, note: '清理河道' },
      ...addLines([], burning, [h(2)], { evidence: '照片' }),
    ]
    expect(toBatchItems(lines)).toEqual([
      { householdId: 1, ruleId: 1, note: '清理河道', occurredAt: '2025-03-02T00:00:00+08:00', applicationId: 77 },
      { householdId: 2, ruleId: 3, evidence: '照片' },
    ])
  })
})
