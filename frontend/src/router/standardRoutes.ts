import type { RouteRecordRaw } from 'vue-router'

/**
 * 九有六无 pages: the district's checklist, ranking rounds and sampling (children of
 * /district), the town's review (children of /town), the committee's self-check (/committee).
 */
export const districtStandardChildren: RouteRecordRaw[] = [
  { path: 'standard', name: 'district-standard', component: () => import('../pages/StandardChecklistPage.vue'), meta: { titleKey: 'standard.checklist.title' } },
  { path: 'ranking', name: 'district-ranking', component: () => import('../pages/StandardRankingPage.vue'), meta: { titleKey: 'standard.ranking.title' } },
  { path: 'sampling', name: 'district-sampling', component: () => import('../pages/StandardSamplingPage.vue'), meta: { titleKey: 'standard.sampling.title' } },
]

export const districtStandardNav = [
  { to: '/district/standard', labelKey: 'standard.nav.checklist' },
  { to: '/district/ranking', labelKey: 'standard.nav.ranking' },
  { to: '/district/sampling', labelKey: 'standard.nav.sampling' },
]

export const townStandardChildren: RouteRecordRaw[] = [
  { path: 'self-checks', name: 'town-self-checks', component: () => import('../pages/SelfCheckReviewPage.vue'), meta: { titleKey: 'standard.review.title' } },
]

export const townStandardNav = [{ to: '/town/self-checks', labelKey: 'standard.nav.review' }]

export const committeeStandardChildren: RouteRecordRaw[] = [
  { path: 'self-check', name: 'committee-self-check', component: () => import('../pages/SelfCheckPage.vue'), meta: { titleKey: 'standard.selfCheck.title' } },
]

export const committeeStandardNav = [{ to: '/committee/self-check', labelKey: 'standard.nav.selfCheck' }]
