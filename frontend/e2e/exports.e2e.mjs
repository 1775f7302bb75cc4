import { readFile } from 'node:fs/promises'
import { assert, loginAndLand } from './lib.mjs'

// The committee downloads a book as .xlsx and as CSV; the district downloads its summary.
// Each file must arrive whole: a zip (PK\x03\x04) for Excel, a UTF-8 BOM and the Chinese
// header for CSV, saved under the Chinese name the server gave.

async function downloadBy(page, selector) {
  // building a workbook can take longer than a click
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)])
  const bytes = await readFile(await download.path())
  return { name: download.suggestedFilename(), bytes }
}

function thisMonth() {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export const tests = [
  {
    name: 'the committee downloads the ledger as Excel and the roster as CSV',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '导出台账' }).click()
      await page.waitForURL((url) => url.pathname === '/committee/exports')
      await page.locator('[data-test="export-describe"]').getByText('每一笔积分变动').waitFor()

      const xlsx = await downloadBy(page, '[data-test="export-xlsx"]')
      assert.equal(xlsx.name, `立新村-积分流水台账-${thisMonth()}.xlsx`)
      assert.ok(xlsx.bytes.length > 1000, `xlsx of ${xlsx.bytes.length} bytes`)
      assert.deepEqual([...xlsx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04])
      await page.locator('[data-test="export-saved"]').getByText(xlsx.name).waitFor()

      await page.click('[data-test="export-book"]')
      await page.getByRole('option', { name: '农户花名册' }).click()
      await page.locator('[data-test="export-describe"]').getByText('在册的农户').waitFor()
      const csv = await downloadBy(page, '[data-test="export-csv"]')
      assert.equal(csv.name, `立新村-农户花名册-${thisMonth()}.csv`)
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
      const text = csv.bytes.subarray(3).toString('utf8')
      assert.match(text, /^户编号,户主姓名,组,门牌地址,联系电话,家庭成员,人数,低保户,/)
      assert.ok(text.split('\r\n').filter(Boolean).length > 10, 'roster rows')
    },
  },
  {
    name: 'the district downloads its summary per village',
    run: async ({ page, baseUrl }) => {
      await loginAndLand(page, baseUrl, 'district', '/district')
      const card = page.locator('[data-test="district-summary-export"]')
      await card.waitFor()
      const xlsx = await downloadBy(page, '[data-test="district-summary-export"] [data-test="export-xlsx"]')
      assert.equal(xlsx.name, `江源区-各村积分汇总-${thisMonth()}.xlsx`)
      assert.deepEqual([...xlsx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04])
      await card.locator('[data-test="export-saved"]').waitFor()
    },
  },
]
