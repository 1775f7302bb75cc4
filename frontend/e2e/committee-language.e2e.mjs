import { assert, expectText, loginAndLand } from './lib.mjs'

export const tests = [
  {
    name: 'committee sees its village in Chinese, switches to English, keeps it after reload, logs out',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await expectText(page, '立新村')
      await expectText(page, '农户名册')
      await expectText(page, '退出登录')
      await page.locator('[data-test="household-table"] .el-table__row').first().waitFor()
      assert.ok((await page.locator('[data-test="household-table"] .el-table__row').count()) > 0)

      await page.click('[data-test="language-switch"]')
      await expectText(page, 'Household register')
      await expectText(page, 'Log out')

      await page.reload()
      await expectText(page, 'Household register')
      assert.equal(await page.locator('[data-test="logout"]').innerText(), 'Log out')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')

      await page.click('[data-test="logout"]')
      await page.waitForURL((url) => url.pathname === '/login')
      await page.locator('form[data-test="login-form"]').waitFor()
      await page.goto(`${baseUrl}/committee`)
      await page.waitForURL((url) => url.pathname === '/login')
    },
  },
]
