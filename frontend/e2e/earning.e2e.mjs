import { apiHousehold, apiToken, assert, assertNoHorizontalScroll, loginAndLand } from './lib.mjs'

// Earning points: application → first check → meeting → public notice, and a clean-home round.
// Writes: an application of 立新村 H009 (the demo group leader's 第1组 ends at H009; H010–H019
// are 第2组, whose leader has no login), meeting items for H012–H014, ratings of H015/H016 in
// a round of its own. The notice policy is left alone: batches stay in notice (nothing posts).
const phone = { width: 360, height: 740 }
const stamp = Date.now().toString(36)

/** 张三明 → 张*明, 张三 → 张*, as the public board masks head names. */
function mask(name) {
  const chars = [...name]
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

async function committeeVillage(request, baseUrl) {
  const token = await apiToken(request, baseUrl, 'lixin-committee')
  const me = await (await request.get(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).json()
  const heads = {}
  for (const code of ['H009', 'H012', 'H013', 'H014']) {
    heads[code] = (await apiHousehold(request, baseUrl, token, me.villageId, code)).headName
  }
  return { villageId: me.villageId, heads }
}

async function logout(page) {
  await page.click('[data-test="logout"]')
  await page.waitForURL((url) => url.pathname === '/login')
}

/** Chooses an option of an Element Plus select by typing its text and pressing Enter. */
async function pickInSelect(page, selector, text) {
  await page.click(`${selector} .el-select__wrapper`)
  await page.locator(`${selector} input`).fill(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().waitFor()
  await page.keyboard.press('Enter')
}

export const tests = [
  {
    name: 'earning: villager H009 applies, the leader passes it, the committee meets and approves, the public board and the villager see the notice',
    run: async ({ page, context, baseUrl }) => {
      const { villageId, heads } = await committeeVillage(page.request, baseUrl)
      const sentence = `E2E 清理河道垃圾 ${stamp}`
      const title = `E2E 评议会 ${stamp}`

      // the villager applies from the home page
      await loginAndLand(page, baseUrl, 'lixin-h009', '/villager', '123456')
      await page.click('[data-test="apply-link"]')
      await page.waitForURL((url) => url.pathname === '/villager/apply')
      await page.getByRole('heading', { name: '申报积分' }).waitFor()
      await page.click('[data-test="rule-picker"]')
      await page.fill('[data-test="rule-search"] input', '志愿服务')
      await page.locator('[data-test="rule-option"]', { hasText: '参加义务劳动' }).click()
      await page.fill('[data-test="apply-description"] textarea', sentence)
      await page.click('[data-test="apply-submit"]')
      await page.locator('[data-test="apply-done"]').waitFor()
      await page.click('[data-test="to-applications"]')
      const mine = page.locator('[data-test="application-card"]', { hasText: sentence })
      await mine.locator('[data-progress="SUBMITTED"]').waitFor()
      await logout(page)

      // the group leader passes it
      await loginAndLand(page, baseUrl, 'lixin-leader', '/leader')
      await page.click('[data-test="check-link"]')
      const card = page.locator('[data-test="check-card"]', { hasText: sentence })
      await card.waitFor()
      assert.match(await card.innerText(), /H009/)
      await card.locator('[data-test="check-pass"]').click()
      await page.locator('[data-test="check-decided"]', { hasText: 'H009' }).waitFor()
      await logout(page)

      // the committee: the checked application is already in the list, then three more households
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '本月评议' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/meeting')
      const appRow = page.locator('[data-test="meeting-applications"] .el-table__row', { hasText: sentence })
      await appRow.waitFor()
      assert.ok(await appRow.locator('[data-test="application-include"] input').isChecked(), 'checked application is included')
      await page.locator('[data-test="meeting-draft"] .el-table__row', { hasText: sentence }).waitFor()
      await page.fill('input[data-test="meeting-title"]', title)

      await pickInSelect(page, '[data-test="meeting-rule"]', '参加义务劳动')
      await page.locator('[data-test="meeting-rule-info"]', { hasText: '志愿服务' }).waitFor()
      await pickInSelect(page, '[data-test="meeting-group"]', '第2组')
      for (const code of ['H012', 'H013', 'H014']) {
        await page.fill('input[data-test="meeting-search"]', code)
        await page.waitForFunction(
          (c) => [...document.querySelectorAll('[data-test="meeting-households"] [data-code]')].every((el) => el.getAttribute('data-code').includes(c)),
          code,
        )
        await page.press('input[data-test="meeting-search"]', 'Enter')
      }
      assert.equal((await page.locator('[data-test="meeting-picked"]').innerText()).trim(), '已选 3 户')
      await page.fill('input[data-test="meeting-note"]', 'E2E 河道清理')
      await page.press('input[data-test="meeting-note"]', 'Enter')
      for (const code of ['H012', 'H013', 'H014']) {
        await page.locator('[data-test="meeting-draft"] .el-table__row', { hasText: code }).waitFor()
      }
      const sum = await page.locator('[data-test="meeting-sum"]').innerText()
      assert.match(sum, /涉及 \d+ 户/)

      await page.click('[data-test="meeting-submit"]')
      const result = page.locator('[data-test="meeting-result"]')
      await result.waitFor()
      assert.equal((await result.locator('[data-test="batch-status-tag"]').innerText()).trim(), '待审批')
      await page.click('[data-test="batch-approve"]')
      await result.locator('[data-test="batch-status-tag"]', { hasText: '公示中' }).waitFor()
      assert.match(await result.locator('[data-test="batch-notice-ends"]').innerText(), /公示期 \d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/)
      assert.equal(await result.locator('[data-test="batch-notice-link"]').getAttribute('href'), `/notice/${villageId}`)
      await result.locator('[data-test="batch-print"]').waitFor()

      // the public board, without login, in a new browser context
      const anonymous = await context.browser().newContext({ viewport: phone, locale: 'zh-CN' })
      try {
        const board = await anonymous.newPage()
        await board.goto(`${baseUrl}/notice/${villageId}`)
        const sheet = board.locator('[data-test="notice-current"] [data-test="notice-sheet"]', { hasText: title })
        await sheet.waitFor()
        assert.match(await sheet.locator('[data-test="notice-status"]').innerText(), /公示中/)
        const text = await sheet.locator('[data-test="notice-table"]').innerText()
        for (const code of ['H009', 'H012', 'H013', 'H014']) {
          const row = sheet.locator('[data-test="notice-row"]', { hasText: mask(heads[code]) })
          await row.first().waitFor()
          assert.match(await row.first().innerText(), /参加义务劳动[\s\S]*\+5/)
          if ([...heads[code]].length > 2) assert.ok(!text.includes(heads[code]), `full name of ${code} shown`)
        }
        assert.equal(board.url(), `${baseUrl}/notice/${villageId}`)
        await assertNoHorizontalScroll(board, 'notice board')
      } finally {
        await anonymous.close()
      }
      await logout(page)

      // the villager sees the application in notice
      await loginAndLand(page, baseUrl, 'lixin-h009', '/villager', '123456')
      await page.click('[data-test="applications-link"]')
      const steps = page.locator('[data-test="application-card"]', { hasText: sentence }).locator('[data-test="progress-steps"]')
      await steps.and(page.locator('[data-progress="IN_NOTICE"]')).waitFor()
      assert.match(await steps.locator('[aria-current="step"]').innerText(), /公示中/)
    },
  },
  {
    name: 'earning: the committee rates H015 and H016 on a 360 px phone (one offline), closes the round and sees the batch',
    viewport: phone,
    allowConsole: [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/],
    run: async ({ page, context, baseUrl }) => {
      const name = `E2E 干净人家 ${stamp}`
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '干净人家评比' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/ratings')
      await page.fill('input[data-test="round-name"]', name)
      await page.click('[data-test="round-open"]')
      await page.waitForURL((url) => /^\/committee\/ratings\/\d+$/.test(url.pathname))
      await page.locator('[data-test="round-title"]', { hasText: name }).waitFor()
      await page.locator('[data-test="rating-progress"]', { hasText: /已评 0 \/ \d+ 户/ }).waitFor()
      await assertNoHorizontalScroll(page, 'rating list')

      await page.click('[data-test="rating-household-button"][data-code="H015"]')
      await page.locator('[data-test="rating-household"]', { hasText: 'H015' }).waitFor()
      await page.click('[data-test="rating-fill-100"]')
      assert.equal((await page.locator('[data-test="rating-total"]').innerText()).trim(), '总分 100')
      assert.equal((await page.locator('[data-test="rating-stars"]').innerText()).trim(), '★★★')
      await assertNoHorizontalScroll(page, 'rating form')
      await page.click('[data-test="rating-save"]')

      // the next household comes up; it is rated without a connection
      await page.locator('[data-test="rating-household"]', { hasText: 'H016' }).waitFor()
      await page.waitForFunction(() => !document.querySelector('[data-test="rating-pending"]'))
      const areas = page.locator('[data-test="rating-area"]')
      const n = await areas.count()
      for (let i = 0; i < n; i++) await areas.nth(i).locator('[data-test="rating-quick-80"]').click()
      assert.equal((await page.locator('[data-test="rating-total"]').innerText()).trim(), '总分 80')
      assert.equal((await page.locator('[data-test="rating-stars"]').innerText()).trim(), '★★')
      await context.setOffline(true)
      await page.click('[data-test="rating-save"]')
      await page.locator('[data-test="rating-pending"]', { hasText: '未上传 1 户' }).waitFor()
      await page.click('[data-test="rating-back"]')
      await page.locator('[data-test="rating-progress"]', { hasText: /已评 2 \/ \d+ 户/ }).waitFor()
      await context.setOffline(false)
      // back online: the page sends by itself (online event); the button is there if it does not
      await page.waitForFunction(() => !document.querySelector('[data-test="rating-pending"]'), null, { timeout: 3000 }).catch(async () => {
        await page.click('[data-test="rating-upload"]')
        await page.waitForFunction(() => !document.querySelector('[data-test="rating-pending"]'))
      })

      await page.click('[data-test="tab-results"]')
      await page.locator('[data-test="results-rated"]', { hasText: /^2 \/ \d+$/ }).waitFor()
      const rows = page.locator('[data-test="results-row"]')
      assert.match(await rows.filter({ hasText: 'H015' }).innerText(), /100\s+★★★/)
      assert.match(await rows.filter({ hasText: 'H016' }).innerText(), /80\s+★★/)
      assert.match(await page.locator('[data-test="results-clean-rate"]').innerText(), /^\d+\.\d%$/)
      await assertNoHorizontalScroll(page, 'rating results')

      await page.click('[data-test="round-close"]')
      await page.locator('.el-message-box__btns .el-button--primary').click()
      const batch = page.locator('[data-test="round-batch"]')
      await batch.waitFor()
      assert.equal((await batch.locator('[data-test="batch-status-tag"]').innerText()).trim(), '待审批')
      assert.match(await batch.innerText(), /干净人家评比：E2E 干净人家[\s\S]*2 条/)
      await batch.locator('[data-test="batch-approve"]').waitFor()
      await assertNoHorizontalScroll(page, 'closed round')
    },
  },
  {
    name: 'earning: the notice board and the villager apply page fit 360 px',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      const { villageId } = await committeeVillage(page.request, baseUrl)
      await page.goto(`${baseUrl}/notice/${villageId}`)
      await page.locator('[data-test="notice-current"]').waitFor()
      await assertNoHorizontalScroll(page, 'notice board')

      await loginAndLand(page, baseUrl, 'lixin-h010', '/villager', '123456')
      await page.locator('[data-test="apply-link"]').waitFor()
      await assertNoHorizontalScroll(page, 'villager home')
      await page.click('[data-test="apply-link"]')
      await page.locator('[data-test="apply-form"]').waitFor()
      await page.locator('[data-test="rule-picker"]').waitFor()
      await assertNoHorizontalScroll(page, 'apply page')
      await page.click('[data-test="rule-picker"]')
      await page.locator('[data-test="rule-option"]').first().waitFor()
      await assertNoHorizontalScroll(page, 'rule picker')
      const size = await page.locator('[data-test="rule-picker"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      assert.ok(size >= 18, `rule picker text of ${size}px`)
    },
  },
]
