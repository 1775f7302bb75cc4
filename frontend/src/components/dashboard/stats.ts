// The headline figures as cards: value as written, its unit and a one-line explanation.
import type { AreaTotals, VillageDashboard } from '../../api/dashboard'
import { formatNumber, formatPercent } from './format'

export interface StatItem {
  /** data-test="stat-<id>" */
  id: string
  label: string
  value: string
  unit?: string
  note: string
  /** a second line: e.g. how many households took part */
  detail?: string
  minor?: boolean
  /** the value is words (本期未评比), written smaller than a number */
  text?: boolean
}

type Translate = (key: string, named?: Record<string, unknown>) => string
type CoreFigures = Pick<
  AreaTotals,
  | 'households'
  | 'participants'
  | 'participationRate'
  | 'pointsIssued'
  | 'pointsDeducted'
  | 'pointsRedeemed'
  | 'pointsOutstanding'
  | 'ratedHouseholds'
  | 'cleanHouseholds'
  | 'cleanHouseholdRate'
>

/** Households, participation, points issued/deducted/redeemed/outstanding and the clean rate. */
export function coreStats(f: CoreFigures, t: Translate, locale: string, cleanDetail: string): StatItem[] {
  const n = (v: number) => formatNumber(v, locale)
  const points = t('dashboard.unit.points')
  return [
    { id: 'households', label: t('dashboard.stat.households'), value: n(f.households), unit: t('dashboard.unit.households'), note: t('dashboard.note.households') },
    {
      id: 'participation',
      label: t('dashboard.stat.participation'),
      value: formatPercent(f.participationRate),
      note: t('dashboard.note.participation'),
      detail: t('dashboard.stat.participants', { n: n(f.participants) }),
    },
    { id: 'issued', label: t('dashboard.stat.issued'), value: n(f.pointsIssued), unit: points, note: t('dashboard.note.issued') },
    { id: 'deducted', label: t('dashboard.stat.deducted'), value: n(f.pointsDeducted), unit: points, note: t('dashboard.note.deducted') },
    { id: 'redeemed', label: t('dashboard.stat.redeemed'), value: n(f.pointsRedeemed), unit: points, note: t('dashboard.note.redeemed') },
    { id: 'outstanding', label: t('dashboard.stat.outstanding'), value: n(f.pointsOutstanding), unit: points, note: t('dashboard.note.outstanding') },
    {
      id: 'clean',
      label: t('dashboard.stat.clean'),
      value: f.cleanHouseholdRate === null ? t('dashboard.stat.notRated') : formatPercent(f.cleanHouseholdRate),
      note: t('dashboard.note.clean'),
      detail: cleanDetail,
      text: f.cleanHouseholdRate === null,
    },
  ]
}

/** A village's headline: the core figures plus points per household, awards, expiry, adjustments. */
export function villageStats(d: VillageDashboard, t: Translate, locale: string): StatItem[] {
  const n = (v: number) => formatNumber(v, locale)
  const points = t('dashboard.unit.points')
  const clean = d.rating ? t('dashboard.stat.round', { name: d.rating.name, rated: n(d.rating.rated) }) : t('dashboard.stat.noRound')
  return [
    ...coreStats(d, t, locale, clean),
    { id: 'per-household', label: t('dashboard.stat.perHousehold'), value: n(d.pointsPerHousehold), unit: points, note: t('dashboard.note.perHousehold'), minor: true },
    { id: 'awards', label: t('dashboard.stat.awards'), value: n(d.awards), unit: t('dashboard.unit.entries'), note: t('dashboard.note.awards'), minor: true },
    { id: 'expired', label: t('dashboard.stat.expired'), value: n(d.pointsExpired), unit: points, note: t('dashboard.note.expired'), minor: true },
    { id: 'adjusted', label: t('dashboard.stat.adjusted'), value: n(d.pointsAdjusted), unit: points, note: t('dashboard.note.adjusted'), minor: true },
  ]
}

/** A town's or district's totals: villages first, then the core figures. */
export function areaStats(totals: AreaTotals, t: Translate, locale: string): StatItem[] {
  const n = (v: number) => formatNumber(v, locale)
  const clean =
    totals.cleanHouseholdRate === null ? t('dashboard.stat.noRound') : t('dashboard.stat.rated', { n: n(totals.ratedHouseholds) })
  return [
    { id: 'villages', label: t('dashboard.stat.villages'), value: n(totals.villages), unit: t('dashboard.unit.villages'), note: t('dashboard.note.villages') },
    ...coreStats(totals, t, locale, clean),
  ]
}
