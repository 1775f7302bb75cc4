import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  apiHousehold,
  apiToken,
  assert,
  assertNoHorizontalScroll,
  launchWithCamera,
  loginAndLand,
  numberIn,
  qrVideo,
  watchConsole,
} from './lib.mjs'

// The whole earning path in the browser, and event check-in.
// 1. 杏林示例村 (xinglin): H001 applies, the group leader passes it, the committee sets 0 notice
//    days on the batches page, meets (with three more households and the unusual-amount warning),
//    approves, and H001's passbook shows the award. With 0 notice days approval posts at once
//    (the journeys' server runs without the scheduled AwardJob; its posting of ended notices is
//    covered by AwardFlowTest).
// 2. 柳岸示例村 (liuan): the committee creates an event and projects its QR code; H001 checks in
//    with the typed code (twice: the second time is friendly), H002 by the phone camera (a fake
//    camera playing the projected QR code), H003 is refused an expired code; the committee turns
//    the attendance into a batch waiting for approval.
const phone = { width: 360, height: 740 }
const stamp = Date.now().toString(36)
const RULE = '参加义务劳动'

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

async function villageOf(request, baseUrl, token) {
  const res = await request.get(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
  return (await res.json()).villageId
}

/** The meeting's quick add: one rule for the households with these codes (group filter: all). */
async function quickAdd(page, rule, codes) {
  await pickInSelect(page, '[data-test="meeting-rule"]', rule)
  for (const code of codes) {
    await page.fill('input[data-test="meeting-search"]', code)
    await page.waitForFunction(
      (c) => [...document.querySelectorAll('[data-test="meeting-households"] [data-code]')].every((el) => el.getAttribute('data-code').includes(c)),
      code,
    )
    await page.press('input[data-test="meeting-search"]', 'Enter')
  }
  await page.press('input[data-test="meeting-note"]', 'Enter')
}

export const tests = [
  {
    name: 'earning-path: H001 applies, the leader passes, the committee meets with 0 notice days and approves, the passbook shows the award',
    run: async ({ page, baseUrl }) => {
      const sentence = `E2E 帮五保户挑水 ${stamp}`
      const committeeToken = await apiToken(page.request, baseUrl, 'xinglin-committee')
      const villageId = await villageOf(page.request, baseUrl, committeeToken)
      const h001 = await apiHousehold(page.request, baseUrl, committeeToken, villageId, 'H001')

      // the villager applies
      await loginAndLand(page, baseUrl, 'xinglin-h001', '/villager', '123456')
      const before = await numberIn(page, '[data-test="balance-value"]')
      assert.equal(before, h001.balance)
      await page.click('[data-test="apply-link"]')
      await page.click('[data-test="rule-picker"]')
      await page.fill('[data-test="rule-search"] input', '志愿服务')
      await page.locator('[data-test="rule-option"]', { hasText: RULE }).click()
      await page.fill('[data-test="apply-description"] textarea', sentence)
      await page.click('[data-test="apply-submit"]')
      await page.locator('[data-test="apply-done"]').waitFor()
      await logout(page)

      // the group leader passes it
      await loginAndLand(page, baseUrl, 'xinglin-leader', '/leader')
      await page.click('[data-test="check-link"]')
      const card = page.locator('[data-test="check-card"]', { hasText: sentence })
      await card.locator('[data-test="check-pass"]').click()
      await page.locator('[data-test="check-decided"]', { hasText: 'H001' }).waitFor()
      await logout(page)

      // the committee: 0 days of notice on the batches page
      await loginAndLand(page, baseUrl, 'xinglin-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '评议记录' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/batches')
      const days = page.locator('[data-test="policy-notice-days"] input')
      await page.waitForFunction(() => document.querySelector('[data-test="policy-notice-days"] input')?.value === '3')
      await days.fill('0')
      await days.press('Tab')
      await page.click('[data-test="policy-save"]')
      await page.locator('[data-test="policy-message"]', { hasText: '已保存：公示 0 天，审批后立即入账' }).waitFor()

      // the meeting: the checked application comes in; three more households; one stands out
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '本月评议' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/meeting')
      await page.locator('[data-test="meeting-draft"] .el-table__row', { hasText: sentence }).waitFor()
      await page.fill('input[data-test="meeting-title"]', `E2E 杏林评议会 ${stamp}`)
      await quickAdd(page, RULE, ['H002', 'H003', 'H004'])
      await quickAdd(page, '见义勇为', ['H004'])
      const unusual = page.locator('[data-test="meeting-unusual"]')
      await unusual.waitFor()
      assert.deepEqual(await unusual.locator('[data-test="meeting-unusual-household"]').evaluateAll((els) => els.map((el) => el.dataset.code)), ['H004'])
      assert.match(await unusual.innerText(), /中位数 5 分/)
      await page.locator('[data-test="totals-household-row"][data-code="H004"] [data-test="totals-unusual"]').waitFor()
      // the committee looks twice and takes H004's extra line out again
      await page.locator('[data-test="meeting-draft"] .el-table__row', { hasText: '见义勇为' }).locator('[data-test="draft-remove"]').click()
      await unusual.waitFor({ state: 'detached' })

      await page.click('[data-test="meeting-submit"]')
      const result = page.locator('[data-test="meeting-result"]')
      await result.locator('[data-test="batch-status-tag"]', { hasText: '待审批' }).waitFor()
      await page.click('[data-test="batch-approve"]')
      await result.locator('[data-test="batch-status-tag"]', { hasText: '已入账' }).waitFor()
      await logout(page)

      // the villager: balance, passbook line and the application's last step
      await loginAndLand(page, baseUrl, 'xinglin-h001', '/villager', '123456')
      await page.waitForFunction((b) => document.querySelector('[data-test="balance-value"]')?.textContent?.trim() === String(b), before + 5)
      await page.click('[data-test="passbook-link"]')
      await page.waitForURL((url) => url.pathname === '/villager/passbook')
      const line = page.locator('[data-test="passbook-line"]', { hasText: sentence })
      await line.waitFor()
      assert.equal((await line.locator('[data-test="line-amount"]').innerText()).trim(), '+5')
      assert.match(await line.innerText(), new RegExp(`${RULE}[\\s\\S]*余额 ${before + 5}`))
      await assertNoHorizontalScroll(page, 'passbook')
      await page.goto(`${baseUrl}/villager/applications`)
      await page.locator('[data-test="application-card"]', { hasText: sentence }).locator('[data-progress="POSTED"]').waitFor()
    },
  },
  {
    name: 'earning-path: the committee projects an event QR code, villagers check in by typed code and by camera, the attendance becomes a batch',
    allowConsole: [/status of 409/],
    run: async ({ page, context, baseUrl }) => {
      const title = `E2E 志愿服务日 ${stamp}`
      const committeeToken = await apiToken(page.request, baseUrl, 'liuan-committee')
      const villageId = await villageOf(page.request, baseUrl, committeeToken)

      // the committee creates the event and shows its code
      await loginAndLand(page, baseUrl, 'liuan-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '活动签到' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/events')
      await page.fill('input[data-test="event-title"]', title)
      await pickInSelect(page, '[data-test="event-rule"]', RULE)
      await page.click('[data-test="event-create"]')
      await page.waitForURL((url) => /^\/committee\/events\/\d+$/.test(url.pathname))
      const qr = page.locator('[data-test="event-qr"]')
      await qr.waitFor()
      await page.waitForFunction(() => document.querySelector('[data-test="event-qr"]')?.naturalWidth > 0)
      assert.equal((await page.locator('[data-test="event-state"]').innerText()).trim(), '签到中')
      const typed = (await page.locator('[data-test="event-typed-code"]').innerText()).trim()
      assert.match(typed, /^\d{6}$/)
      assert.equal((await page.locator('[data-test="event-count"]').innerText()).trim(), '已签到 0 户')
      await page.click('[data-test="event-project"]')
      await page.locator('.event-qr--projecting').waitFor()
      const box = await qr.boundingBox()
      assert.ok(box && box.width >= 400, `projected QR code of ${box?.width}px`)

      const work = await mkdtemp(path.join(tmpdir(), 'vp-event-e2e-'))
      const png = path.join(work, 'event.png')
      const y4m = path.join(work, 'event.y4m')
      await qr.screenshot({ path: png })
      qrVideo(png, y4m)
      await page.click('[data-test="event-project-exit"]')
      await page.locator('.event-qr--projecting').waitFor({ state: 'detached' })

      // H001 types the code, and again: the second time is friendly
      const phoneContext = await context.browser().newContext({ viewport: phone, locale: 'zh-CN' })
      let cameraBrowser
      try {
        const villager = await phoneContext.newPage()
        const noVillagerErrors = watchConsole(villager, [/status of 409/])
        await loginAndLand(villager, baseUrl, 'liuan-h001', '/villager', '123456')
        await villager.click('[data-test="check-in-link"]')
        await villager.waitForURL((url) => url.pathname === '/villager/check-in')
        await villager.fill('[data-test="check-in-code"]', typed)
        await villager.click('[data-test="check-in-submit"]')
        const answer = villager.locator('[data-test="check-in-result"]')
        await answer.waitFor()
        assert.equal(await answer.getAttribute('data-already'), 'false')
        assert.match(await answer.innerText(), new RegExp(`已签到：${title}`))
        await assertNoHorizontalScroll(villager, 'check-in page')
        await villager.click('[data-test="check-in-again"]')
        await villager.fill('[data-test="check-in-code"]', typed)
        await villager.click('[data-test="check-in-submit"]')
        await villager.locator('[data-test="check-in-result"][data-already="true"]', { hasText: `您家已经签过到了：${title}` }).waitFor()

        // an event that ended an hour ago: its code is refused in plain words
        const past = await page.request.post(`${baseUrl}/api/villages/${villageId}/events`, {
          headers: { Authorization: `Bearer ${committeeToken}` },
          data: {
            title: `E2E 已结束的活动 ${stamp}`, kind: 'MEETING',
            startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(), endsAt: new Date(Date.now() - 3600_000).toISOString(),
          },
        })
        assert.equal(past.status(), 201)
        await villager.click('[data-test="check-in-again"]')
        await villager.fill('[data-test="check-in-code"]', (await past.json()).checkInCode)
        await villager.click('[data-test="check-in-submit"]')
        await villager.locator('[data-test="check-in-problem"]', { hasText: /^签到码已过期：“E2E 已结束的活动 .*”的签到已在 .* 结束$/ }).waitFor()
        noVillagerErrors()

        // H002's phone camera reads the projected QR code by itself
        cameraBrowser = await launchWithCamera(y4m)
        const cameraContext = await cameraBrowser.newContext({ viewport: phone, locale: 'zh-CN', permissions: ['camera'] })
        const scanner = await cameraContext.newPage()
        scanner.setDefaultTimeout(15_000)
        const noScannerErrors = watchConsole(scanner)
        await loginAndLand(scanner, baseUrl, 'liuan-h002', '/villager', '123456')
        await scanner.click('[data-test="check-in-link"]')
        await scanner.locator('[data-test="check-in-result"][data-already="false"]', { hasText: `已签到：${title}` }).waitFor()
        noScannerErrors()
      } finally {
        await phoneContext.close()
        await cameraBrowser?.close()
        await rm(work, { recursive: true, force: true })
      }

      // the desk's list refreshes by itself; then the batch, which waits for approval
      await page.locator('[data-test="event-count"]', { hasText: '已签到 2 户' }).waitFor({ timeout: 15_000 })
      const rows = page.locator('[data-test="event-attendance"] .el-table__row')
      assert.match(await rows.nth(0).innerText(), /H001/)
      assert.match(await rows.nth(1).innerText(), /H002/)
      await page.click('[data-test="event-to-batch"]')
      await page.locator('.el-message-box__btns .el-button--primary').click()
      await page.locator('[data-test="event-batch-made"]', { hasText: '已生成评议（待审批）' }).waitFor()
      await page.click('[data-test="event-batch-link"]')
      await page.waitForURL((url) => /^\/committee\/batches\/\d+$/.test(url.pathname))
      await page.locator('[data-test="batch-status-tag"]', { hasText: '待审批' }).waitFor()
      await page.goto(`${baseUrl}/committee/batches`)
      const listed = page.locator('[data-test="batch-table"] .el-table__row', { hasText: `活动签到：${title}` })
      await listed.waitFor()
      assert.match(await listed.innerText(), /待审批[\s\S]*\b2\b[\s\S]*\+10/)
      await page.goto(`${baseUrl}/committee/events`)
      await page.locator('[data-test="event-table"] .el-table__row', { hasText: title }).getByText('待审批').waitFor()
    },
  },
]
