import { assert, EXPECTED_401, login } from './lib.mjs'

export const tests = [
  {
    name: 'a wrong password shows the Chinese message 用户名或密码错误',
    allowConsole: [EXPECTED_401],
    run: async ({ page, baseUrl }) => {
      await login(page, baseUrl, 'lixin-committee', 'not-the-password')
      const error = page.locator('[data-test="login-error"]')
      await error.waitFor()
      assert.equal((await error.innerText()).trim(), '用户名或密码错误')
      assert.equal(new URL(page.url()).pathname, '/login')
    },
  },
  {
    name: 'an unknown address shows the Chinese not-found page',
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}/no/such/page`)
      await page.locator('[data-test="not-found"]').waitFor()
      assert.match(await page.locator('[data-test="not-found"]').innerText(), /页面不存在/)
    },
  },
]
