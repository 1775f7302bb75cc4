import type { RouteRecordRaw } from 'vue-router'

/** The committee's monthly books (台账): a child of /committee with its menu entry. */
export const committeeExportNav = [{ to: '/committee/exports', labelKey: 'exports.nav' }]

export const committeeExportChildren: RouteRecordRaw[] = [
  {
    path: 'exports',
    name: 'committee-exports',
    component: () => import('../pages/CommitteeExportsPage.vue'),
    meta: { titleKey: 'exports.title' },
  },
]
