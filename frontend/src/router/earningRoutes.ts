import type { RouteRecordRaw } from 'vue-router'

const PhoneLayout = () => import('../components/phone/PhoneLayout.vue')

/**
 * Earning points: the public notice board, villagers' and group leaders' applications and the
 * villager's event check-in (own records beside /villager and /leader, same layout), and the
 * committee's meeting, batches, rating rounds and events (children of /committee, with their
 * menu entries).
 */
export const earningRoutes: RouteRecordRaw[] = [
  {
    path: '/notice/:villageId(\\d+)',
    name: 'notice-board',
    component: () => import('../pages/NoticeBoardPage.vue'),
    meta: { public: true, titleKey: 'earning.notice.title' },
  },
  {
    path: '/villager/apply',
    component: PhoneLayout,
    meta: { roles: ['VILLAGER'], titleKey: 'earning.apply.title' },
    children: [{ path: '', name: 'villager-apply', component: () => import('../pages/EarningApplyPage.vue') }],
  },
  {
    path: '/villager/applications',
    component: PhoneLayout,
    meta: { roles: ['VILLAGER'], titleKey: 'earning.applications.title' },
    children: [{ path: '', name: 'villager-applications', component: () => import('../pages/EarningApplicationsPage.vue') }],
  },
  {
    path: '/villager/check-in',
    component: PhoneLayout,
    meta: { roles: ['VILLAGER'], titleKey: 'events.villager.title' },
    children: [{ path: '', name: 'villager-check-in', component: () => import('../pages/VillagerCheckInPage.vue') }],
  },
  {
    path: '/leader/applications',
    component: PhoneLayout,
    meta: { roles: ['GROUP_LEADER'], titleKey: 'earning.check.title' },
    children: [{ path: '', name: 'leader-applications', component: () => import('../pages/EarningCheckPage.vue') }],
  },
  {
    path: '/leader/apply',
    component: PhoneLayout,
    meta: { roles: ['GROUP_LEADER'], titleKey: 'earning.check.applyFor' },
    children: [{ path: '', name: 'leader-apply', component: () => import('../pages/EarningApplyPage.vue') }],
  },
]

/** Children of /committee. */
export const committeeEarningChildren: RouteRecordRaw[] = [
  {
    path: 'meeting',
    name: 'committee-meeting',
    component: () => import('../pages/EarningMeetingPage.vue'),
    meta: { titleKey: 'earning.meeting.title' },
  },
  {
    path: 'batches',
    name: 'committee-batches',
    component: () => import('../pages/EarningBatchListPage.vue'),
    meta: { titleKey: 'earning.batches.title' },
  },
  {
    path: 'batches/:batchId(\\d+)',
    name: 'committee-batch',
    component: () => import('../pages/EarningBatchPage.vue'),
    meta: { titleKey: 'earning.batches.title' },
  },
  {
    path: 'events',
    name: 'committee-events',
    component: () => import('../pages/EventListPage.vue'),
    meta: { titleKey: 'events.title' },
  },
  {
    path: 'events/:eventId(\\d+)',
    name: 'committee-event',
    component: () => import('../pages/EventDeskPage.vue'),
    meta: { titleKey: 'events.title' },
  },
  {
    path: 'ratings',
    name: 'committee-ratings',
    component: () => import('../pages/RatingRoundsPage.vue'),
    meta: { titleKey: 'earning.rating.title' },
  },
  {
    path: 'ratings/:roundId(\\d+)',
    name: 'committee-rating-round',
    component: () => import('../pages/RatingRoundPage.vue'),
    meta: { titleKey: 'earning.rating.title' },
  },
]

/** Entries of the committee menu. */
export const committeeEarningNav = [
  { to: '/committee/meeting', labelKey: 'earning.nav.meeting' },
  { to: '/committee/batches', labelKey: 'earning.nav.batches' },
  { to: '/committee/ratings', labelKey: 'earning.nav.ratings' },
  { to: '/committee/events', labelKey: 'events.nav' },
]
