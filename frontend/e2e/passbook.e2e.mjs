import { adjustInDrawer, assert, loginAndLand, numberIn, openHouseholdDrawer } from './lib.mjs'

// Writes go to 立新村 H020 (committee) and H001 (+5 only, read back as a difference).
export const tests = [
  {
    name: 'the committee adjusts H020 by +10 and the drawer passbook shows +10 and the new balance',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await openHouseholdDrawer(page, 'H020')

      const { after } = await adjustInDrawer(page, 10, 'E2E 补录志愿服务')

      const first = page.locator('[data-test="passbook-table"] .el-table__row').first()
      await first.filter({ hasText: 'E2E 补录志愿服务' }).waitFor()
      assert.match(await first.locator('[data-test="line-date"]').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日$/)
      assert.match(await first.innerText(), /E2E 补录志愿服务[\s\S]*调整/)
      assert.equal((await first.locator('[data-test="line-amount"]').innerText()).trim(), '+10')
      assert.equal((await first.locator('[data-test="line-after"]').innerText()).trim(), `余额 ${after}`)
      assert.equal(await numberIn(page, '[data-test="passbook-balance"]'), after)
      // the register table shows the new balance too
      const row = page.locator('[data-test="household-table"] .el-table__row', { hasText: 'H020' })
      await row.filter({ hasText: String(after) }).waitFor()
    },
  },
  {
    name: 'the villager lixin-h001 sees the committee\'s +5 adjustment in the passbook, in Chinese',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await openHouseholdDrawer(page, 'H001')
      const { after } = await adjustInDrawer(page, 5, '村委会积分调整')
      await page.keyboard.press('Escape')
      await page.locator('[data-test="household-tabs"]').waitFor({ state: 'hidden' })
      await page.click('[data-test="logout"]')
      await page.waitForURL((url) => url.pathname === '/login')

      await loginAndLand(page, baseUrl, 'lixin-h001', '/villager', '123456')
      assert.equal(await numberIn(page, '[data-test="balance-value"]'), after)
      const recent = page.locator('[data-test="recent-lines"] [data-test="passbook-line"]').first()
      await recent.waitFor()
      assert.match(await recent.innerText(), /村委会积分调整[\s\S]*调整[\s\S]*\+5[\s\S]*余额 \d+/)

      await page.click('[data-test="passbook-link"]')
      await page.waitForURL((url) => url.pathname === '/villager/passbook')
      await page.getByRole('heading', { name: '积分存折' }).waitFor()
      const line = page.locator('[data-test="passbook-line"]').first()
      await line.waitFor()
      const text = await line.innerText()
      assert.match(text, /村委会积分调整/)
      assert.match(text, /\d{4}年\d{1,2}月\d{1,2}日 · 调整/)
      assert.equal((await line.locator('[data-test="line-amount"]').innerText()).trim(), '+5')
      assert.match(text, new RegExp(`余额 ${after}`))
      assert.equal(await numberIn(page, '[data-test="balance-value"]'), after)
    },
  },
  {
    name: 'the committee reverses an adjustment of H024 once, and an overdraft is refused in plain Chinese',
    allowConsole: [/status of 409/],
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await openHouseholdDrawer(page, 'H024')
      const { before, after } = await adjustInDrawer(page, 4, 'E2E 待冲正')

      const rows = page.locator('[data-test="passbook-table"] .el-table__row')
      await rows.first().filter({ hasText: 'E2E 待冲正' }).locator('[data-test="reverse-open"]').click()
      await page.fill('input[data-test="reverse-reason"]', '录入错误')
      await page.click('[data-test="reverse-submit"]')
      await rows.first().filter({ hasText: '录入错误' }).waitFor()
      assert.equal((await rows.first().locator('[data-test="line-amount"]').innerText()).trim(), '-4')
      assert.match(await rows.first().innerText(), /冲正/)
      assert.match(await rows.nth(1).innerText(), /E2E 待冲正[\s\S]*已冲正/)
      assert.equal(await rows.nth(0).locator('[data-test="reverse-open"]').count(), 0)
      assert.equal(await rows.nth(1).locator('[data-test="reverse-open"]').count(), 0)
      assert.equal(await numberIn(page, '[data-test="passbook-balance"]'), after - 4)
      assert.equal(after - 4, before)

      await page.click('[data-test="adjust-open"]')
      await page.fill('[data-test="adjust-points"] input', '-100000')
      await page.press('[data-test="adjust-points"] input', 'Tab')
      await page.fill('input[data-test="adjust-reason"]', 'E2E 超额扣分')
      await page.click('[data-test="adjust-next"]')
      await page.click('[data-test="adjust-submit"]')
      const error = page.locator('[data-test="adjust-error"]')
      await error.waitFor()
      assert.match(await error.innerText(), /余额不足/)
    },
  },
]
