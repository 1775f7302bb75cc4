import type { RouteRecordRaw } from 'vue-router'

const PhoneLayout = () => import('../components/phone/PhoneLayout.vue')

/** The committee's menu entry for the stock pages (a phone page, shared with the attendant). */
export const committeeShopNav = [{ to: '/shop/stock', labelKey: 'shop.stock.title' }]

/** The points shop: the attendant's counter and stock pages, and the villager's redemption code. */
export const shopRoutes: RouteRecordRaw[] = [
  {
    path: '/shop',
    component: PhoneLayout,
    meta: { roles: ['SHOP_ATTENDANT'], titleKey: 'shop.title' },
    children: [
      { path: '', name: 'shop', component: () => import('../pages/ShopHomePage.vue'), meta: { titleKey: 'shop.counter.title' } },
      {
        path: 'households',
        name: 'shop-households',
        component: () => import('../pages/ShopHouseholdsPage.vue'),
        meta: { titleKey: 'shop.households' },
      },
      {
        path: 'stock',
        name: 'shop-stock',
        component: () => import('../pages/ShopStockPage.vue'),
        meta: { roles: ['SHOP_ATTENDANT', 'VILLAGE_COMMITTEE'], titleKey: 'shop.stock.title' },
      },
      {
        path: 'donations',
        name: 'shop-donations',
        component: () => import('../pages/ShopDonationsPage.vue'),
        meta: { roles: ['SHOP_ATTENDANT', 'VILLAGE_COMMITTEE'], titleKey: 'shop.donations.title' },
      },
    ],
  },
  {
    // its own record beside /villager (same layout), so that routes.ts needs no change there
    path: '/villager/code',
    component: PhoneLayout,
    meta: { roles: ['VILLAGER'], titleKey: 'shop.code.title' },
    children: [{ path: '', name: 'villager-code', component: () => import('../pages/VillagerCodePage.vue') }],
  },
]
