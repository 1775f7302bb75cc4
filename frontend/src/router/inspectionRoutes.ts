import type { RouteRecordRaw } from 'vue-router'

/**
 * Inspections (巡检 / 暗访 / 回访) and rectification tasks: the town records visits and keeps a
 * task board (children of /town), the district records visits (/district), the committee
 * works through its tasks, weak points and household plans (/committee).
 */
const VisitsPage = () => import('../pages/InspectionVisitsPage.vue')

export const townInspectionChildren: RouteRecordRaw[] = [
  { path: 'inspections', name: 'town-inspections', component: VisitsPage, meta: { titleKey: 'inspections.visits.title' } },
  { path: 'tasks', name: 'town-tasks', component: () => import('../pages/TaskBoardPage.vue'), meta: { titleKey: 'inspections.board.title' } },
]

export const townInspectionNav = [
  { to: '/town/inspections', labelKey: 'inspections.nav.visits' },
  { to: '/town/tasks', labelKey: 'inspections.nav.board' },
]

export const districtInspectionChildren: RouteRecordRaw[] = [
  { path: 'inspections', name: 'district-inspections', component: VisitsPage, meta: { titleKey: 'inspections.visits.title' } },
]

export const districtInspectionNav = [{ to: '/district/inspections', labelKey: 'inspections.nav.visits' }]

export const committeeInspectionChildren: RouteRecordRaw[] = [
  { path: 'tasks', name: 'committee-tasks', component: () => import('../pages/CommitteeTasksPage.vue'), meta: { titleKey: 'inspections.tasks.title' } },
]

export const committeeInspectionNav = [{ to: '/committee/tasks', labelKey: 'inspections.nav.tasks' }]
