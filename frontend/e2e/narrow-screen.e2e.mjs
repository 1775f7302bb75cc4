import { assertNoHorizontalScroll, loginAndLand } from './lib.mjs'

const phone = { width: 360, height: 740 }

export const tests = [
  {
    name: 'login page fits 360 px without sideways scrolling',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}/login`)
      await page.locator('form[data-test="login-form"]').waitFor()
      await assertNoHorizontalScroll(page, 'login')
    },
  },
  {
    name: 'committee home fits 360 px without sideways scrolling',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await page.locator('[data-test="household-table"] .el-table__row').first().waitFor()
      await page.locator('[data-test="village-groups"]').waitFor()
      await assertNoHorizontalScroll(page, 'committee home')
    },
  },
  {
    name: 'villager home fits 360 px without sideways scrolling',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-h001', '/villager', '123456')
      await page.locator('[data-test="household-profile"]').waitFor()
      await assertNoHorizontalScroll(page, 'villager home')
    },
  },
]
