// Villages side by side: the order of rankings and the bars that compare them.
import type { VillageFigures } from '../../api/dashboard'
import { barOption, type ChartLook } from './chartOptions'
import { percentValue } from './format'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** At most this many villages in a comparison chart (the ranking table lists them all). */
export const CHART_VILLAGES = 30

/** Highest participation first; equal rates by points per household, then by name. */
export function byParticipation(villages: VillageFigures[]): VillageFigures[] {
  return [...villages].sort(
    (a, b) =>
      b.participationRate - a.participationRate ||
      b.pointsPerHousehold - a.pointsPerHousehold ||
      a.villageName.localeCompare(b.villageName, 'zh-CN'),
  )
}

/** Participation per village, highest first: sideways on the desk, upright (names slanted) on the big screen. */
export function participationBars(villages: VillageFigures[], t: Translate, look: ChartLook = {}, limit = CHART_VILLAGES, upright = false) {
  const top = byParticipation(villages).slice(0, limit)
  return barOption(
    top.map((v) => v.villageName),
    [{ name: t('dashboard.chart.participation'), data: top.map((v) => percentValue(v.participationRate)) }],
    { percent: true, horizontal: !upright, rotate: upright && top.length > 8 ? 30 : 0, look },
  )
}

export function pointsBars(villages: VillageFigures[], t: Translate, look: ChartLook = {}, limit = CHART_VILLAGES) {
  const top = [...villages].sort((a, b) => b.pointsIssued - a.pointsIssued).slice(0, limit)
  return barOption(
    top.map((v) => v.villageName),
    [
      { name: t('dashboard.chart.issued'), data: top.map((v) => v.pointsIssued) },
      { name: t('dashboard.chart.redeemed'), data: top.map((v) => v.pointsRedeemed) },
    ],
    { horizontal: true, look },
  )
}
