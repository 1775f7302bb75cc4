import type { AreaDashboard, MonthFigures, VillageDashboard, VillageFigures } from '../api/dashboard'

const monthly: MonthFigures[] = [
  { month: '2026-04-01', pointsIssued: 120, pointsDeducted: 10, pointsRedeemed: 60, participants: 8 },
  { month: '2026-05-01', pointsIssued: 150, pointsDeducted: 5, pointsRedeemed: 90, participants: 11 },
]

export function demoVillageFigures(over: Partial<VillageFigures> = {}): VillageFigures {
  return {
    villageId: 100,
    villageName: '立新村',
    townId: 10,
    townName: '正岔街道',
    households: 1234,
    participants: 564,
    participationRate: 0.457,
    pointsIssued: 2700,
    pointsDeducted: 15,
    pointsRedeemed: 150,
    pointsExpired: 3,
    pointsAdjusted: 7,
    pointsOutstanding: 98765,
    pointsPerHousehold: 2.2,
    awards: 40,
    redemptions: 9,
    ratedHouseholds: 20,
    cleanHouseholds: 18,
    cleanHouseholdRate: 0.9,
    ...over,
  }
}

export const demoVillageDashboard: VillageDashboard = {
  ...demoVillageFigures(),
  period: { from: '2026-04-01', to: '2026-05-31', kind: 'CUSTOM' },
  byGroup: [
    { groupId: 1000, name: '第一组', households: 10, participants: 6, participationRate: 0.6, pointsEarned: 80 },
    { groupId: 1001, name: '第二组', households: 9, participants: 5, participationRate: 0.5556, pointsEarned: 70 },
  ],
  byCategory: [
    { category: '孝老爱亲', pointsIssued: 100, pointsDeducted: 0, transfers: 10 },
    { category: '', pointsIssued: 50, pointsDeducted: 15, transfers: 4 },
  ],
  monthly,
  topHouseholds: [{ householdId: 5000, code: 'LX-001', headName: '张三', groupName: '第一组', points: 35 }],
  rating: { roundId: 7, name: '2026年春季评比', periodEnd: '2026-04-30', rated: 20, clean: 18, stars: [2, 5, 6, 4, 2, 1] },
  shop: {
    redemptions: 9,
    pointsRedeemed: 150,
    topProducts: [{ productId: 1, name: '洗衣粉', quantity: 4, points: 80 }],
    donations: 2,
    donationsValue: 1234.5,
    purchasesValue: 300,
    lowStock: [{ productId: 2, name: '香皂', stock: 1, threshold: 5 }],
  },
}

export function demoAreaDashboard(scope: 'TOWN' | 'DISTRICT'): AreaDashboard {
  const villages = [demoVillageFigures(), demoVillageFigures({ villageId: 101, villageName: '松林示例村', participationRate: 0.8, cleanHouseholdRate: null })]
  return {
    scope,
    id: scope === 'TOWN' ? 10 : 1,
    name: scope === 'TOWN' ? '正岔街道' : '江源区',
    period: { from: '2026-05-01', to: '2026-05-31', kind: 'M' },
    totals: {
      villages: 2,
      households: 2468,
      participants: 1128,
      participationRate: 0.457,
      pointsIssued: 5400,
      pointsDeducted: 30,
      pointsRedeemed: 300,
      pointsOutstanding: 197530,
      ratedHouseholds: 20,
      cleanHouseholds: 18,
      cleanHouseholdRate: 0.9,
    },
    villages,
    monthly,
  }
}
