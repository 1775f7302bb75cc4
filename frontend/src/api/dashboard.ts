import { http } from './http'

/** The period the server used: first day of the first month, last day of the last month. */
export interface DashboardPeriod {
  from: string
  to: string
  /** M, Q or Y for exactly one month, quarter or year; otherwise CUSTOM */
  kind: 'M' | 'Q' | 'Y' | 'CUSTOM'
}

/** Months as the page asks for them (YYYY-MM). */
export interface PeriodQuery {
  from: string
  to: string
}

/** One village's headline figures; rates are fractions (0.8 = 80%). */
export interface VillageFigures {
  villageId: number
  villageName: string
  townId: number
  townName: string
  households: number
  participants: number
  participationRate: number
  pointsIssued: number
  pointsDeducted: number
  pointsRedeemed: number
  pointsExpired: number
  pointsAdjusted: number
  pointsOutstanding: number
  pointsPerHousehold: number
  awards: number
  redemptions: number
  ratedHouseholds: number
  cleanHouseholds: number
  /** null when the village closed no rating round by the period's end */
  cleanHouseholdRate: number | null
}

export interface MonthFigures {
  /** first day of the month, YYYY-MM-DD */
  month: string
  pointsIssued: number
  pointsDeducted: number
  pointsRedeemed: number
  participants: number
}

export interface GroupFigures {
  groupId: number
  name: string
  households: number
  participants: number
  participationRate: number
  pointsEarned: number
}

export interface CategoryFigures {
  /** the rule's category; '' for points without a rule */
  category: string
  pointsIssued: number
  pointsDeducted: number
  transfers: number
}

export interface TopHousehold {
  householdId: number
  code: string
  headName: string
  groupName: string
  points: number
}

export interface RatingFigures {
  roundId: number
  name: string
  periodEnd: string
  rated: number
  clean: number
  /** stars[n] = households rated n stars, n = 0..5 */
  stars: number[]
}

export interface ShopFigures {
  redemptions: number
  pointsRedeemed: number
  topProducts: { productId: number; name: string; quantity: number; points: number }[]
  donations: number
  donationsValue: number
  purchasesValue: number
  lowStock: { productId: number; name: string; stock: number; threshold: number }[]
}

export interface VillageDashboard extends VillageFigures {
  period: DashboardPeriod
  byGroup: GroupFigures[]
  byCategory: CategoryFigures[]
  monthly: MonthFigures[]
  topHouseholds: TopHousehold[]
  rating: RatingFigures | null
  shop: ShopFigures
}

export interface AreaTotals {
  villages: number
  households: number
  participants: number
  participationRate: number
  pointsIssued: number
  pointsDeducted: number
  pointsRedeemed: number
  pointsOutstanding: number
  ratedHouseholds: number
  cleanHouseholds: number
  cleanHouseholdRate: number | null
}

export type AreaScope = 'TOWN' | 'DISTRICT'

export interface AreaDashboard {
  scope: AreaScope
  id: number
  name: string
  period: DashboardPeriod
  totals: AreaTotals
  villages: VillageFigures[]
  monthly: MonthFigures[]
  /** where the figures were read, when a replica is configured (issue #9) */
  readSource?: 'replica' | 'primary'
  replicaLagSeconds?: number | null
}

export const dashboardApi = {
  village: (villageId: number, period: PeriodQuery) =>
    http.get<VillageDashboard>(`/api/villages/${villageId}/dashboard`, { ...period }),
  area: (scope: AreaScope, id: number, period: PeriodQuery) =>
    http.get<AreaDashboard>(`/api/${scope === 'TOWN' ? 'towns' : 'districts'}/${id}/dashboard`, { ...period }),
}
