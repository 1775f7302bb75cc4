// Shared steps for the journeys. Accounts are the backend's demo data (VP_DEMO=true).
import assert from 'node:assert/strict'

export const DEMO_PASSWORD = 'demo123'

/** Chrome logs every 4xx response as a console error; journeys that expect one allow it. */
export const EXPECTED_401 = /status of 401/

export async function login(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`)
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', password)
  await page.click('form[data-test="login-form"] button[type="submit"]')
}

export async function loginAndLand(page, baseUrl, username, home, password = DEMO_PASSWORD) {
  await login(page, baseUrl, username, password)
  await page.waitForURL((url) => url.pathname === home)
  await page.locator('[data-test="header-name"]').waitFor()
}

export async function expectText(page, text) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' })
}

export async function headerScope(page) {
  return (await page.locator('[data-test="header-scope"]').innerText()).trim()
}

/** The page must not scroll sideways: nothing wider than the viewport. */
export async function assertNoHorizontalScroll(page, where) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  assert.ok(scrollWidth <= clientWidth, `${where}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`)
}

export { assert }
