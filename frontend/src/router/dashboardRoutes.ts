import type { RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** which area an area dashboard shows */
    dashboardScope?: 'TOWN' | 'DISTRICT'
  }
}

// Dashboards (issue 7): every page is lazy, so ECharts is downloaded only by those who open one.
const VillageDashboardPage = () => import('../pages/VillageDashboardPage.vue')
const AreaDashboardPage = () => import('../pages/AreaDashboardPage.vue')
const title = { titleKey: 'dashboard.title' }

/** The committee's own village: a child of /committee. */
export const committeeDashboardChildren: RouteRecordRaw[] = [
  { path: 'dashboard', name: 'committee-dashboard', component: VillageDashboardPage, meta: title },
]

/** Children of /town and /district: the area's dashboard and each village's. */
function areaChildren(area: 'town' | 'district', scope: 'TOWN' | 'DISTRICT'): RouteRecordRaw[] {
  return [
    { path: 'dashboard', name: `${area}-dashboard`, component: AreaDashboardPage, meta: { ...title, dashboardScope: scope } },
    { path: 'villages/:villageId(\\d+)/dashboard', name: `${area}-village-dashboard`, component: VillageDashboardPage, meta: title },
  ]
}
export const townDashboardChildren = areaChildren('town', 'TOWN')
export const districtDashboardChildren = areaChildren('district', 'DISTRICT')

/** Menu entries. */
export const committeeDashboardNav = [{ to: '/committee/dashboard', labelKey: 'dashboard.nav.dashboard' }]
export const townNav = [
  { to: '/town', labelKey: 'dashboard.nav.villages' },
  { to: '/town/dashboard', labelKey: 'dashboard.nav.dashboard' },
]
export const districtNav = [
  { to: '/district', labelKey: 'dashboard.nav.villages' },
  { to: '/district/dashboard', labelKey: 'dashboard.nav.dashboard' },
  { to: '/district/big-screen', labelKey: 'dashboard.nav.bigScreen' },
]

/** The district office's big screen: a page of its own, without the desk layout. */
export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: '/district/big-screen',
    name: 'district-big-screen',
    component: () => import('../pages/DistrictBigScreenPage.vue'),
    meta: { roles: ['DISTRICT_ADMIN'], titleKey: 'dashboard.bigScreen.tab' },
  },
]
