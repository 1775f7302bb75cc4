import { assert, loginAndLand } from './lib.mjs'

// 爱林村 imports households E2E01 and E2E02 into a group of their own.
const HEADER = '户编号,户主姓名,组,门牌地址,联系电话,家庭成员,低保户,期初积分'
const E2E01 = 'E2E01,测试甲,导入测试组,爱林村导入测试组 1 号,13800000001,测试甲(户主)、测试乙(配偶),否,'
const e2e02 = (lowIncome) => `E2E02,测试丙,导入测试组,爱林村导入测试组 2 号,13800000002,测试丙(户主),${lowIncome},`
const csv = (...rows) => ({
  name: '花名册.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8'),
})

export const tests = [
  {
    name: 'the committee imports a roster with one bad row, fixes it, imports, and opens the cards PDF',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'ailin-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '导入花名册' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/import')

      await page.setInputFiles('input[data-test="roster-file"]', csv(E2E01, e2e02('也许')))
      const errors = page.locator('[data-test="import-errors"] .el-table__body tr')
      await errors.first().waitFor()
      assert.equal(await errors.count(), 1)
      assert.deepEqual((await errors.first().locator('td').allInnerTexts()).map((s) => s.trim()), [
        '3',
        '低保户',
        '低保户请填“是”或“否”',
      ])
      assert.match(await page.locator('[data-test="import-errors-title"]').innerText(), /什么都没有写入/)
      assert.equal(await page.locator('[data-test="import-commit"]').count(), 0)

      await page.setInputFiles('input[data-test="roster-file"]', csv(E2E01, e2e02('是')))
      await page.locator('[data-test="import-ok"]').waitFor()
      assert.match(await page.locator('[data-test="count-rows"]').innerText(), /2/)
      await page.click('[data-test="import-commit"]')
      await page.locator('[data-test="import-committed"]').waitFor()
      assert.match(await page.locator('[data-test="import-committed"]').innerText(), /导入成功/)

      await page.click('[data-test="import-to-cards"]')
      await page.waitForURL((url) => url.pathname === '/committee/cards')
      const [pdf] = await Promise.all([
        page.waitForResponse((res) => new URL(res.url()).pathname.endsWith('/cards.pdf')),
        page.click('[data-test="cards-open"]'),
      ])
      assert.equal(pdf.status(), 200)
      assert.match(pdf.headers()['content-type'], /^application\/pdf/)
      assert.ok(Number(pdf.headers()['content-length']) > 1000, `PDF of ${pdf.headers()['content-length']} bytes`)
      // what the page hands to the browser's PDF viewer: the same file
      const href = await page.locator('[data-test="cards-pdf-link"]').getAttribute('href')
      const file = await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
        return { size: bytes.length, magic: String.fromCharCode(...bytes.subarray(0, 5)) }
      }, href)
      assert.equal(file.magic, '%PDF-')
      assert.equal(file.size, Number(pdf.headers()['content-length']))

      // the imported households are in the register
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '首页/户籍' }).click()
      await page.fill('input[data-test="household-search"]', 'E2E0')
      await page.locator('[data-test="household-table"] .el-table__row', { hasText: 'E2E02' }).waitFor()
    },
  },
]
