import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '../api/auth'
import { committeeShopNav, shopRoutes } from './shopRoutes'
import { committeeEarningChildren, committeeEarningNav, earningRoutes } from './earningRoutes'
import { committeeExportChildren, committeeExportNav } from './exportRoutes'
import {
  committeeStandardChildren,
  committeeStandardNav,
  districtStandardChildren,
  districtStandardNav,
  townStandardChildren,
  townStandardNav,
} from './standardRoutes'
import {
  committeeDashboardChildren,
  committeeDashboardNav,
  dashboardRoutes,
  districtDashboardChildren,
  districtNav,
  townDashboardChildren,
  townNav,
} from './dashboardRoutes'
import {
  committeeInspectionChildren,
  committeeInspectionNav,
  districtInspectionChildren,
  districtInspectionNav,
  townInspectionChildren,
  townInspectionNav,
} from './inspectionRoutes'

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session */
    public?: boolean
    /** roles allowed; others are sent to their own home */
    roles?: Role[]
    /** i18n key of the browser tab title */
    titleKey?: string
    /** menu of a desk area, shown by its layout */
    nav?: { to: string; labelKey: string }[]
  }
}

const PhoneLayout = () => import('../components/phone/PhoneLayout.vue')
const DeskLayout = () => import('../components/desk/DeskLayout.vue')
const VillageHouseholdsPage = () => import('../pages/VillageHouseholdsPage.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/login' },
  {
    path: '/login',
    name: 'login',
    component: () => import('../pages/LoginPage.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/villager',
    component: PhoneLayout,
    meta: { roles: ['VILLAGER'], titleKey: 'villager.title' },
    children: [
      { path: '', name: 'villager', component: () => import('../pages/VillagerHomePage.vue') },
      {
        path: 'passbook',
        name: 'villager-passbook',
        component: () => import('../pages/VillagerPassbookPage.vue'),
        meta: { titleKey: 'ledger.title' },
      },
    ],
  },
  ...shopRoutes,
  {
    path: '/leader',
    component: PhoneLayout,
    meta: { roles: ['GROUP_LEADER'], titleKey: 'leader.title' },
    children: [{ path: '', name: 'leader', component: () => import('../pages/LeaderHomePage.vue') }],
  },
  {
    path: '/committee',
    component: DeskLayout,
    meta: {
      roles: ['VILLAGE_COMMITTEE'],
      titleKey: 'committee.title',
      nav: [
        { to: '/committee', labelKey: 'nav.register' },
        ...committeeDashboardNav,
        { to: '/committee/import', labelKey: 'nav.import' },
        { to: '/committee/cards', labelKey: 'nav.cards' },
        ...committeeEarningNav,
        ...committeeShopNav,
        ...committeeExportNav,
        ...committeeStandardNav,
        ...committeeInspectionNav,
      ],
    },
    children: [
      { path: '', name: 'committee', component: () => import('../pages/CommitteeHomePage.vue') },
      {
        path: 'import',
        name: 'committee-import',
        component: () => import('../pages/CommitteeImportPage.vue'),
        meta: { titleKey: 'roster.title' },
      },
      {
        path: 'cards',
        name: 'committee-cards',
        component: () => import('../pages/CommitteeCardsPage.vue'),
        meta: { titleKey: 'cards.title' },
      },
      ...committeeEarningChildren,
      ...committeeExportChildren,
      ...committeeStandardChildren,
      ...committeeDashboardChildren,
      ...committeeInspectionChildren,
    ],
  },
  {
    path: '/town',
    component: DeskLayout,
    meta: { roles: ['TOWN_ADMIN'], titleKey: 'town.title', nav: [...townNav, ...townStandardNav, ...townInspectionNav] },
    children: [
      { path: '', name: 'town', component: () => import('../pages/TownHomePage.vue') },
      { path: 'villages/:villageId(\\d+)', name: 'town-village', component: VillageHouseholdsPage },
      ...townStandardChildren,
      ...townDashboardChildren,
      ...townInspectionChildren,
    ],
  },
  {
    path: '/district',
    component: DeskLayout,
    meta: { roles: ['DISTRICT_ADMIN'], titleKey: 'district.title', nav: [...districtNav, ...districtStandardNav, ...districtInspectionNav] },
    children: [
      { path: '', name: 'district', component: () => import('../pages/DistrictHomePage.vue') },
      { path: 'villages/:villageId(\\d+)', name: 'district-village', component: VillageHouseholdsPage },
      ...districtStandardChildren,
      ...districtDashboardChildren,
      ...districtInspectionChildren,
    ],
  },
  ...earningRoutes,
  ...dashboardRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../pages/NotFoundPage.vue'),
    meta: { public: true, titleKey: 'notFound.title' },
  },
]
