import { assert, loginAndLand } from './lib.mjs'

// 九有六无: 老岭村's committee fills and submits this year's self-check, 石人镇 approves it, and
// the district sees the score in a new ranking round and draws a sample (redraw matches).
// Writes: 老岭村's self-check of this year, one ranking round, one sample.

async function logout(page) {
  await page.click('[data-test="logout"]')
  await page.waitForURL((url) => url.pathname === '/login')
}

export const tests = [
  {
    name: 'self-check, town review, ranking and sampling',
    async run({ page, baseUrl }) {
      await loginAndLand(page, baseUrl, 'laoling-committee', '/committee')
      await page.click('a[href="/committee/self-check"]')
      await page.click('[data-test="self-check-open"]')
      const items = page.locator('[data-test="self-check-item"]')
      await items.first().waitFor()
      const n = await items.count()
      assert.equal(n, 15, 'nine 有 and six 无 example items')
      assert.ok((await page.locator('[data-test="self-check-suggestion"]').count()) >= 3, 'linked items show platform figures')
      for (let i = 0; i < n; i++) {
        const button = items.nth(i).locator(i % 5 === 4 ? '[data-test="answer-not-met"]' : '[data-test="answer-met"]')
        await button.click()
        await items.nth(i).locator('button.is-on').waitFor()
      }
      await page.click('[data-test="self-check-submit"]')
      await page.locator('[data-test="self-check-submitted"]').waitFor()
      await logout(page)

      await loginAndLand(page, baseUrl, 'shiren', '/town')
      await page.click('a[href="/town/self-checks"]')
      await page.locator('[data-test="review-queue"]', { hasText: '老岭村' }).waitFor()
      await page.locator('.el-table__row', { hasText: '老岭村' }).locator('[data-test="review-open"]').click()
      await page.locator('[data-test="review-item"]').first().waitFor()
      await page.click('[data-test="review-approve"]')
      const score = await page.locator('[data-test="review-score"]').innerText()
      const [, got, max] = score.match(/(\d+)\s*\/\s*(\d+)/) ?? []
      assert.ok(Number(got) > 0 && Number(got) < Number(max), `score ${score}`)
      await logout(page)

      await loginAndLand(page, baseUrl, 'district', '/district')
      await page.click('a[href="/district/ranking"]')
      await page.click('[data-test="round-create"]')
      const row = page.locator('[data-test="ranking-table"] .el-table__row', { hasText: '老岭村' })
      await row.waitFor()
      assert.ok((await row.innerText()).includes(`${got}/${max}`), 'the approved score is in the ranking')
      assert.ok((await page.locator('[data-test="ranking-formula"]').innerText()).includes('总分'))

      await page.click('a[href="/district/sampling"]')
      await page.click('[data-test="sample-draw"]')
      await page.locator('[data-test="sample-seed-shown"]').first().waitFor()
      await page.locator('[data-test="sample-redraw"]').first().click()
      const check = await page.locator('[data-test="sample-redraw-result"]').first().innerText()
      assert.ok(check.includes('一致'), check)
    },
  },
]
