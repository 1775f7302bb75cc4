// Small helpers of the export pages: the months to offer and file sizes people can read.

/** The current month and the ones before it, newest first, as YYYY-MM (local time). */
export function recentMonths(count: number, now: Date = new Date()): string[] {
  const months: string[] = []
  for (let i = 0; i < count; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1)
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`)
  }
  return months
}

/** 512 B, 12.3 KB, 4.5 MB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const VILLAGE_BOOKS = ['ledger', 'award-batches', 'redemptions', 'stock', 'ratings', 'households'] as const
export type VillageBook = (typeof VILLAGE_BOOKS)[number]
export type ExportFormat = 'xlsx' | 'csv'
