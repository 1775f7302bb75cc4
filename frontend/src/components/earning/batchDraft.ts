// The draft list of a meeting (评议清单): pure functions for totals and warnings, so the
// committee sees caps and duplicates before it submits.
import type { BatchFormItem, CapPeriod, Rule } from '../../api/earning'

export interface DraftHousehold {
  id: number
  code: string
  headName: string
  groupName: string | null
}

export interface DraftLine {
  /** unique within the draft */
  key: string
  household: DraftHousehold
  rule: Pick<Rule, 'id' | 'category' | 'name' | 'points' | 'capPeriod' | 'capPoints' | 'evidenceRequired'>
  note: string
  evidence: string
  /** YYYY-MM-DD of the deed; the meeting date when empty */
  occurredOn: string
  /** a checked application pulled in */
  applicationId?: number
}

export interface HouseholdTotal {
  household: DraftHousehold
  lines: number
  points: number
}

export interface CategoryTotal {
  category: string
  lines: number
  awarded: number
  deducted: number
}

export type LineWarning =
  | { kind: 'duplicate'; count: number }
  | { kind: 'cap'; capPoints: number; capPeriod: CapPeriod; total: number }
  | { kind: 'evidence' }

let seq = 0
export function lineKey(): string {
  seq += 1
  return `l${Date.now().toString(36)}-${seq}`
}

export function totalPoints(lines: DraftLine[]): number {
  return lines.reduce((sum, l) => sum + l.rule.points, 0)
}

/** Per household, in the order households first appear. */
export function totalsByHousehold(lines: DraftLine[]): HouseholdTotal[] {
  const out = new Map<number, HouseholdTotal>()
  for (const l of lines) {
    const t = out.get(l.household.id) ?? { household: l.household, lines: 0, points: 0 }
    t.lines += 1
    t.points += l.rule.points
    out.set(l.household.id, t)
  }
  return [...out.values()]
}

/** Per category: points awarded and deducted kept apart. */
export function totalsByCategory(lines: DraftLine[]): CategoryTotal[] {
  const out = new Map<string, CategoryTotal>()
  for (const l of lines) {
    const t = out.get(l.rule.category) ?? { category: l.rule.category, lines: 0, awarded: 0, deducted: 0 }
    t.lines += 1
    if (l.rule.points >= 0) t.awarded += l.rule.points
    else t.deducted += -l.rule.points
    out.set(l.rule.category, t)
  }
  return [...out.values()]
}

/** The period a cap counts in, as the backend counts it (a cap without a period is yearly). */
export function capPeriodKey(period: CapPeriod, day: string): string {
  const [y, m] = day.split('-').map(Number)
  if (period === 'MONTH') return `${y}-${m}`
  if (period === 'QUARTER') return `${y}Q${Math.floor((m - 1) / 3) + 1}`
  return String(y)
}

/**
 * Warnings per line key: the same rule twice for one household; more than the rule's cap for
 * one household in one period (counting only this batch's own lines); missing evidence.
 */
export function lineWarnings(lines: DraftLine[], meetingDate: string): Map<string, LineWarning[]> {
  const out = new Map<string, LineWarning[]>()
  const add = (key: string, w: LineWarning) => out.set(key, [...(out.get(key) ?? []), w])

  const byPair = new Map<string, DraftLine[]>()
  const byCap = new Map<string, DraftLine[]>()
  for (const l of lines) {
    const pair = `${l.household.id}:${l.rule.id}`
    byPair.set(pair, [...(byPair.get(pair) ?? []), l])
    if (l.rule.capPoints !== null && l.rule.points > 0) {
      const cap = `${pair}:${capPeriodKey(l.rule.capPeriod, l.occurredOn || meetingDate)}`
      byCap.set(cap, [...(byCap.get(cap) ?? []), l])
    }
    if (l.rule.evidenceRequired && !l.evidence.trim()) add(l.key, { kind: 'evidence' })
  }
  for (const group of byPair.values()) {
    if (group.length > 1) group.forEach((l) => add(l.key, { kind: 'duplicate', count: group.length }))
  }
  for (const group of byCap.values()) {
    const rule = group[0].rule
    const total = totalPoints(group)
    if (rule.capPoints !== null && total > rule.capPoints) {
      group.forEach((l) => add(l.key, { kind: 'cap', capPoints: rule.capPoints as number, capPeriod: rule.capPeriod, total }))
    }
  }
  return out
}

/** Counts of lines with each kind of warning, for the summary above the list. */
export function warningCounts(warnings: Map<string, LineWarning[]>): Record<LineWarning['kind'], number> {
  const counts = { duplicate: 0, cap: 0, evidence: 0 }
  for (const list of warnings.values()) {
    for (const kind of new Set(list.map((w) => w.kind))) counts[kind] += 1
  }
  return counts
}

/** Adds one line per household for a rule (duplicates are allowed and warned about, not dropped). */
export function addLines(
  lines: DraftLine[],
  rule: DraftLine['rule'],
  households: DraftHousehold[],
  extra: { note?: string; evidence?: string } = {},
): DraftLine[] {
  const added = households.map<DraftLine>((household) => ({
    key: lineKey(),
    household,
    rule,
    note: extra.note?.trim() ?? '',
    evidence: extra.evidence?.trim() ?? '',
    occurredOn: '',
  }))
  return [...lines, ...added]
}

/** The request items, in draft order (the server names a failing line by its position). */
export function toBatchItems(lines: DraftLine[]): BatchFormItem[] {
  return lines.map((l) => {
    const item: BatchFormItem = { householdId: l.household.id, ruleId: l.rule.id }
    if (l.note.trim()) item.note = l.note.trim()
    if (l.evidence.trim()) item.evidence = l.evidence.trim()
    if (l.occurredOn) item.occurredAt = `${l.occurredOn}T00:00:00+08:00`
    if (l.applicationId !== undefined) item.applicationId = l.applicationId
    return item
  })
}
