import { assert, loginAndLand } from './lib.mjs'

// 爱林村: a group and a household of this run only (unique names), archived at the end.
const suffix = Date.now().toString(36).slice(-5).toUpperCase()

async function pick(page, select, option) {
  await page.click(select)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

export const tests = [
  {
    name: 'the committee adds a group and a household with members, moves it and archives it',
    run: async ({ page, baseUrl }) => {
      const group = `E2E组${suffix}`
      const code = `E2E${suffix}`
      await loginAndLand(page, baseUrl, 'ailin-committee', '/committee')
      await page.click('[data-test="group-add"]')
      await page.fill('input[data-test="group-name"]', group)
      await page.fill('input[data-test="group-leader"]', '测试组长')
      await page.click('[data-test="group-save"]')
      await page.locator('[data-test="village-groups"] li', { hasText: group }).filter({ hasText: '测试组长' }).waitFor()

      await page.click('[data-test="household-add"]')
      await page.fill('input[data-test="form-code"]', code)
      await page.fill('input[data-test="form-head"]', '测试户主')
      await pick(page, '[data-test="household-form"] [data-test="form-group"]', group)
      await page.click('[data-test="member-add"]')
      const second = page.locator('[data-test="member-row"]').nth(1)
      await second.locator('input').first().fill('测试配偶')
      await pick(page, '[data-test="member-row"]:nth-child(2) .el-select', '配偶')
      await page.click('[data-test="household-save"]')

      const details = page.locator('[data-test="household-detail"]')
      await details.filter({ hasText: code }).waitFor()
      assert.match(await details.innerText(), new RegExp(group))
      const members = await page.locator('.el-drawer .el-table__row').allInnerTexts()
      assert.deepEqual(members.map((m) => m.replace(/\s+/g, ' ').trim()), ['测试户主 户主', '测试配偶 配偶'])

      await page.click('[data-test="household-move"]')
      await pick(page, '[data-test="move-group"]', '第1组')
      await page.click('[data-test="move-save"]')
      await details.filter({ hasText: '第1组' }).waitFor()

      await page.click('[data-test="household-archive"]')
      const confirm = page.locator('.el-message-box')
      assert.match(await confirm.innerText(), /积分存折会保留/)
      await confirm.getByRole('button', { name: '归档' }).click()
      await details.filter({ hasText: '已归档' }).waitFor()
      assert.equal(await page.locator('[data-test="household-actions"]').count(), 0)

      await page.keyboard.press('Escape')
      await page.fill('input[data-test="household-search"]', code)
      await page.locator('[data-test="household-table"]', { hasText: '没有找到符合条件的农户' }).waitFor()
    },
  },
]
