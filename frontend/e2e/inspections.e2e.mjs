import { assert, drawnPng, imageLoaded, loginAndLand, logout } from './lib.mjs'

// Inspections: 正岔街道 records a visit to 松林示例村 twenty days ago with two problems (one with a
// photo), the village committee marks one fixed with a note and a photo, the town verifies it on
// its task board; the other stays overdue and is flagged on the committee's and the town's pages.
// Writes: one visit of 松林示例村 with two findings named for this run.

const run = Date.now().toString(36).slice(-5)
const FIXED = `村口垃圾未清运（测试${run}）`
const LATE = `公示栏未更新（测试${run}）`

function daysAgo(n) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
}

const taskRow = (page, text) => page.locator('[data-test="task-table"] .el-table__row', { hasText: text })

export const tests = [
  {
    name: 'town records a visit, the committee fixes the finding, the town verifies; flags shown',
    async run({ page, baseUrl }) {
      await loginAndLand(page, baseUrl, 'zhengcha', '/town')
      await page.locator('[data-test="village-flags-link"]', { hasText: '松林示例村' }).click()
      await page.waitForURL((url) => url.pathname === '/town/inspections')
      await page.fill('input[data-test="visit-date"]', daysAgo(20))
      await page.click('[data-test="finding-add"]')
      await page.click('[data-test="finding-add"]')
      const rows = page.locator('[data-test="finding-row"]')
      await rows.nth(0).locator('input[data-test="finding-description"]').fill(FIXED)
      await rows.nth(0).locator('input[data-test="finding-photo"]').setInputFiles({
        name: 'found.png', mimeType: 'image/png', buffer: await drawnPng(page, '#8d6e63'),
      })
      await rows.nth(1).locator('input[data-test="finding-description"]').fill(LATE)
      await page.click('[data-test="visit-save"]')
      await page.getByText('已记录，生成 2 项整改任务').waitFor()
      const visit = page.locator('[data-test="visit-item"]', { hasText: '问题 2 个' }).first()
      await visit.locator('[data-test="visit-open"]').click()
      await imageLoaded(page.locator('[data-test="visit-finding"]', { hasText: FIXED }), 'the finding\'s photo')
      await logout(page)

      await loginAndLand(page, baseUrl, 'songlin-committee', '/committee')
      const flags = page.locator('[data-test="inspection-flags"]')
      assert.equal(await flags.locator('[data-test="flag-overdue"]').innerText(), '逾期 2 项')
      await flags.locator('[data-test="flags-link"]').click()
      await page.waitForURL((url) => url.pathname === '/committee/tasks')
      const fixed = taskRow(page, FIXED)
      assert.match(await fixed.getAttribute('class'), /task-table__row--overdue/, 'an overdue task is highlighted')
      await fixed.locator('[data-test="task-done"]').click()
      await page.fill('textarea[data-test="task-done-note-input"]', '已清运，拍照存档')
      await page.setInputFiles('input[data-test="task-done-photo"]', {
        name: 'after.png', mimeType: 'image/png', buffer: await drawnPng(page, '#2e7d32'),
      })
      await page.click('[data-test="task-done-submit"]')
      await fixed.locator('[data-test="task-status"]', { hasText: '待核实' }).waitFor()
      await fixed.locator('img').nth(1).waitFor()
      await page.locator('[data-test="flag-overdue"]', { hasText: '逾期 1 项' }).waitFor()
      await logout(page)

      await loginAndLand(page, baseUrl, 'zhengcha', '/town')
      await page.click('a[href="/town/tasks"]')
      await page.click('[data-test="board-filter-toVerify"]')
      await taskRow(page, FIXED).locator('[data-test="task-verify"]').click()
      await page.fill('textarea[data-test="task-review-note"]', '现场看过，整改到位')
      await page.click('[data-test="task-review-submit"]')
      await taskRow(page, FIXED).waitFor({ state: 'detached' })
      await page.click('[data-test="board-filter-all"]')
      await taskRow(page, FIXED).locator('[data-test="task-status"]', { hasText: '已核实' }).waitFor()
      assert.match(await taskRow(page, LATE).getAttribute('class'), /task-table__row--overdue/)
      assert.match(await taskRow(page, LATE).innerText(), /已逾期/)

      await page.click('a[href="/town"]')
      const songlin = page.locator('[data-test="village-flags"] .el-table__row', { hasText: '松林示例村' })
      assert.equal(await songlin.locator('[data-test="village-flags-overdue"]').innerText(), '1')
    },
  },
]
