import { assert, expectText, headerScope, loginAndLand } from './lib.mjs'

// Each demo account lands on the home of its role and sees its own scope in the header.
const accounts = [
  { username: 'district', home: '/district', scope: '江源区', shows: '[data-test="district-town"]' },
  { username: 'zhengcha', home: '/town', scope: '正岔街道', shows: '[data-test="village-cards"]' },
  { username: 'lixin-committee', home: '/committee', scope: '立新村', shows: '[data-test="household-table"] .el-table__row' },
  { username: 'ailin-committee', home: '/committee', scope: '爱林村', shows: '[data-test="household-table"] .el-table__row' },
  { username: 'lixin-leader', home: '/leader', scope: '立新村', shows: '[data-test="household-list"]' },
  { username: 'lixin-shop', home: '/shop', scope: '立新村', shows: '[data-test="shop-counter"]' },
  { username: 'ailin-shop', home: '/shop', scope: '爱林村', shows: '[data-test="shop-counter"]' },
  { username: 'lixin-h001', password: '123456', home: '/villager', scope: '立新村', shows: '[data-test="household-profile"]' },
]

export const tests = [
  ...accounts.map(({ username, password, home, scope, shows }) => ({
    name: `${username} lands on ${home}`,
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, username, home, password)
      await page.locator(shows).first().waitFor()
      assert.match(await headerScope(page), new RegExp(scope))
    },
  })),
  {
    name: 'town staff open a village of the town read-only',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'zhengcha', '/town')
      await page.locator('[data-test="village-cards"] a', { hasText: '立新村' }).click()
      await page.waitForURL(/\/town\/villages\/\d+$/)
      await page.locator('[data-test="household-table"] .el-table__row').first().waitFor()
      await expectText(page, '立新村')
    },
  },
  {
    name: 'a villager who types a committee address is sent back home',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-h001', '/villager', '123456')
      await page.goto(`${baseUrl}/committee`)
      await page.waitForURL((url) => url.pathname === '/villager')
    },
  },
]
