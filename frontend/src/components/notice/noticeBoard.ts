// The public notice board's data: current notices (公示中) apart from past ones, and the rows
// of the printed table.
import type { Notice, NoticeLine } from '../../api/earning'

export function splitNotices(notices: Notice[]): { current: Notice[]; past: Notice[] } {
  return {
    current: notices.filter((n) => n.status === 'NOTICE'),
    past: notices.filter((n) => n.status !== 'NOTICE'),
  }
}

/** The calendar day of a server time (sent with the village's +08:00 offset) or a date. */
export function dayOf(value: string | null): { y: number; m: number; d: number } | null {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})/)
  return match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null
}

/** +5 / −5 (a real minus sign reads better on paper) */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0'
}

export interface NoticeRow {
  name: string
  group: string
  item: string
  category: string
  points: string
  held: boolean
}

export function noticeRows(lines: NoticeLine[]): NoticeRow[] {
  return lines.map((l) => ({
    name: l.name,
    group: l.groupName,
    item: l.rule,
    category: l.category,
    points: signedPoints(l.points),
    held: l.status === 'HELD',
  }))
}

export function noticeTotal(lines: NoticeLine[]): number {
  return lines.reduce((sum, l) => sum + l.points, 0)
}
