type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * The line under a town or district dashboard: read from the replica (with its lag), or from
 * the primary because the replica lagged or was away. Empty when no replica is configured
 * (the service then sends no lag).
 */
export function readSourceText(source: string | null | undefined, lagSeconds: number | null | undefined, t: Translate): string {
  if (!source || (source === 'primary' && lagSeconds == null)) return ''
  if (source === 'replica') return t('dashboard.readSource.replica', { s: Math.round(lagSeconds ?? 0) })
  return t('dashboard.readSource.primary', { s: Math.round(lagSeconds ?? 0) })
}
