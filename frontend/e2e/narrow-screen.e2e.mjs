import { apiHousehold, apiToken, assert, assertNoHorizontalScroll, loginAndLand, openHouseholdDrawer } from './lib.mjs'

const phone = { width: 360, height: 740 }
const LONG_REASON = '参加村里组织的环境整治志愿服务并带动邻居一起清理河道垃圾（补录）'

/** Gives 立新村 H021 a passbook line with a long reason, through the API, as the committee. */
async function longLine(request, baseUrl) {
  const token = await apiToken(request, baseUrl, 'lixin-committee')
  const me = await (await request.get(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).json()
  const household = await apiHousehold(request, baseUrl, token, me.villageId, 'H021')
  const res = await request.post(`${baseUrl}/api/households/${household.id}/adjustments`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-narrow-${Date.now()}` },
    data: { points: 7, reason: LONG_REASON },
  })
  assert.equal(res.status(), 201)
}

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
    name: 'villager home and passbook page fit 360 px without sideways scrolling',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await longLine(page.request, baseUrl)
      await loginAndLand(page, baseUrl, 'lixin-h021', '/villager', '123456')
      await page.locator('[data-test="household-profile"]').waitFor()
      await page.locator('[data-test="recent-lines"] [data-test="passbook-line"]', { hasText: LONG_REASON }).first().waitFor()
      await assertNoHorizontalScroll(page, 'villager home')

      await page.click('[data-test="passbook-link"]')
      await page.waitForURL((url) => url.pathname === '/villager/passbook')
      await page.locator('[data-test="passbook-line"]', { hasText: LONG_REASON }).first().waitFor()
      await assertNoHorizontalScroll(page, 'villager passbook')
      const size = await page.locator('[data-test="balance-value"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      assert.ok(size >= 40, `balance digits of ${size}px`)
    },
  },
  {
    name: 'committee menu, import page, cards page and household drawer fit 360 px',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await openHouseholdDrawer(page, 'H022')
      await page.click('#tab-passbook')
      await page.locator('[data-test="passbook-desk"]').waitFor()
      await assertNoHorizontalScroll(page, 'household drawer')
      await page.keyboard.press('Escape')

      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '导入花名册' }).click()
      await page.locator('input[data-test="roster-file"]').waitFor({ state: 'attached' })
      await assertNoHorizontalScroll(page, 'import page')

      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '打印户卡' }).click()
      await page.locator('[data-test="cards-open"]').waitFor()
      await assertNoHorizontalScroll(page, 'cards page')
    },
  },
]
