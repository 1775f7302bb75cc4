// Journeys 1 and 2 at the shop counter: a villager shows the phone code, the attendant's camera
// scans it (a fake camera playing a video of that very QR code), one product is redeemed in three
// taps, and the passbook shows the redemption; then a printed card typed in with its PIN.
// Uses 立新村 households H031 and H032 and products named for this run only.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEMO_PASSWORD, assert, assertNoHorizontalScroll, drawnPng, imageLoaded, launchWithCamera, loginAndLand, qrVideo, watchConsole } from './lib.mjs'

const phone = { width: 360, height: 740 }
const VILLAGER_PIN = '123456'
const run = Date.now().toString(36).slice(-5)
const SOAP = `测试肥皂${run}`
const TOWEL = `测试毛巾${run}`

/** The API as a script: log in, then JSON calls with the bearer token. */
async function apiAs(baseUrl, username, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `login ${username}`)
  const { access_token: token } = await res.json()
  const call = async (method, url, body, headers = {}) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body, { 'Idempotency-Key': `e2e-shop-${crypto.randomUUID()}` }),
  }
}

async function householdId(committee, villageId, code) {
  const page = await committee.get(`/api/villages/${villageId}/households?q=${code}&size=5`)
  const row = page.items.find((h) => h.code === code)
  assert.ok(row, `household ${code} in 立新村`)
  return row.id
}

/** Products with stock, and points for the two households (committee adjustments). */
async function setUp(baseUrl) {
  const committee = await apiAs(baseUrl, 'lixin-committee')
  const shop = await apiAs(baseUrl, 'lixin-shop')
  const { villageId } = await shop.get('/api/me')
  const h031 = await householdId(committee, villageId, 'H031')
  const h032 = await householdId(committee, villageId, 'H032')
  await committee.post(`/api/households/${h031}/adjustments`, { points: 50, reason: '兑换柜台测试：补录积分' })
  await committee.post(`/api/households/${h032}/adjustments`, { points: 20, reason: '兑换柜台测试：补录积分' })
  const soap = await shop.post(`/api/villages/${villageId}/products`, {
    name: SOAP, unit: '块', category: '日用品', pricePoints: 5, active: true, lowStockThreshold: 2,
  })
  const towel = await shop.post(`/api/villages/${villageId}/products`, {
    name: TOWEL, unit: '条', category: '日用品', pricePoints: 8, active: true, lowStockThreshold: 2,
  })
  await shop.post(`/api/villages/${villageId}/donations`, {
    kind: 'DONATION', donorName: '兑换柜台测试爱心企业', donorType: 'ENTERPRISE',
    occurredOn: new Date().toISOString().slice(0, 10), valueYuan: 50, note: null,
    items: [{ productId: soap.id, quantity: 10 }, { productId: towel.id, quantity: 3 }],
  })
  return { committee, shop, villageId, h031, h032 }
}

async function text(page, test) {
  return (await page.locator(`[data-test="${test}"]`).innerText()).trim()
}

async function balanceOf(api, id) {
  return (await api.get(`/api/households/${id}`)).balance
}

export const tests = [
  {
    name: 'shop: phone code scanned by the camera, one item in three taps, then a card with its PIN',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      const { committee, h031, h032 } = await setUp(baseUrl)
      const before031 = await balanceOf(committee, h031)
      const before032 = await balanceOf(committee, h032)
      const work = await mkdtemp(path.join(tmpdir(), 'vp-shop-e2e-'))
      let browser
      try {
        // (b) the villager opens 出示兑换码 from the home page
        await loginAndLand(page, baseUrl, 'lixin-h031', '/villager', VILLAGER_PIN)
        await page.locator('[data-test="show-code"]').click()
        await page.waitForURL((url) => url.pathname === '/villager/code')
        const qr = page.locator('[data-test="code-qr"]')
        await qr.waitFor()
        assert.match(await text(page, 'code-household'), /H031/)
        assert.match(await text(page, 'code-countdown'), /\d+ 秒后自动换新码/)
        await assertNoHorizontalScroll(page, 'villager code page')
        const token = await qr.getAttribute('data-token')
        assert.match(token, new RegExp(`^VPQ1\\.${h031}\\.`))

        // the QR as a fake camera video, made while the 60-s code is fresh
        const png = path.join(work, 'qr.png')
        const y4m = path.join(work, 'qr.y4m')
        await qr.screenshot({ path: png })
        qrVideo(png, y4m)

        // (c) the attendant's counter: the camera scans without a tap
        browser = await launchWithCamera(y4m)
        const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', permissions: ['camera'] })
        const counter = await context.newPage()
        counter.setDefaultTimeout(15_000)
        const noConsoleErrors = watchConsole(counter)
        await loginAndLand(counter, baseUrl, 'lixin-shop', '/shop')
        await counter.locator('[data-test="customer-name"]').waitFor()
        const scannedAt = Date.now()
        assert.equal(await text(counter, 'customer-code'), 'H031')
        assert.equal(await text(counter, 'customer-balance'), String(before031))
        assert.match(await text(counter, 'cart-remaining'), new RegExp(`兑换后剩余 ${before031} 分`))
        await assertNoHorizontalScroll(counter, 'shop counter')

        // tap 1: the product; tap 2: 确认兑换; the receipt shows the balance left
        const soap = counter.locator(`[data-product="${SOAP}"]`)
        await soap.locator('[data-test="product-add"]').click()
        assert.match(await text(counter, 'cart-remaining'), new RegExp(`兑换后剩余 ${before031 - 5} 分`))
        await counter.locator('[data-test="redeem-confirm"]').click()
        await counter.locator('[data-test="receipt"]').waitFor()
        assert.equal(await text(counter, 'receipt-balance'), `${before031 - 5} 分`)
        assert.match(await text(counter, 'receipt-paper'), new RegExp(`${SOAP} × 1`))
        assert.match(await text(counter, 'receipt-paper'), /孙|H031/)
        console.log(`    scan → receipt in ${Date.now() - scannedAt} ms, 2 taps (+ 下一位)`)
        assert.equal(await balanceOf(committee, h031), before031 - 5)

        // tap 3: 下一位 — back to scanning; the used phone code still in front of the camera is ignored
        await counter.locator('[data-test="receipt-next"]').click()
        await counter.locator('[data-test="scan-input"]').waitFor()
        await counter.waitForTimeout(800)
        assert.equal(await counter.locator('[data-test="customer"]').count(), 0, 'a used phone code is not served again')

        // (d) the villager's passbook shows the redemption
        const villager = await apiAs(baseUrl, 'lixin-h031', VILLAGER_PIN)
        const passbook = await villager.get(`/api/households/${h031}/entries?size=5`)
        const line = passbook.items[0]
        assert.equal(line.kind, 'REDEMPTION')
        assert.equal(line.amount, -5)
        assert.equal(line.balanceAfter, before031 - 5)
        await page.goto(`${baseUrl}/villager/passbook`)
        await page.getByText(SOAP).first().waitFor()
        await page.getByText('-5', { exact: true }).first().waitFor()

        // (e) a printed card typed in (as a USB scanner does: the payload and Enter), then the PIN
        const card = await committee.post(`/api/households/${h032}/card/reissue`)
        const { pin } = await committee.post(`/api/households/${h032}/pin`)
        await counter.locator('[data-test="scan-input"]').fill(card.payload)
        await counter.locator('[data-test="scan-input"]').press('Enter')
        await counter.locator('[data-test="customer-name"]').waitFor()
        assert.equal(await text(counter, 'customer-code'), 'H032')
        await counter.locator(`[data-product="${TOWEL}"] [data-test="product-add"]`).click()
        assert.match(await text(counter, 'confirm-why'), /密码/)
        for (const digit of pin) await counter.locator(`[data-test="pin-pad"] [data-key="${digit}"]`).click()
        await counter.locator('[data-test="redeem-confirm"]').click()
        await counter.locator('[data-test="receipt"]').waitFor()
        assert.equal(await text(counter, 'receipt-balance'), `${before032 - 8} 分`)
        assert.equal(await balanceOf(committee, h032), before032 - 8)

        noConsoleErrors()
      } finally {
        await browser?.close()
        await rm(work, { recursive: true, force: true })
      }
    },
  },
  {
    name: 'shop: stock page adds a product with a photo, records goods with a voucher and a stocktake; the counter shows the photo',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      const name = `测试香皂${run}`
      const donor = `兑换柜台测试结对单位${run}`
      await loginAndLand(page, baseUrl, 'lixin-shop', '/shop')
      await page.locator('[data-test="stock-link"]').click()
      await page.waitForURL((url) => url.pathname === '/shop/stock')

      await page.locator('[data-test="stock-add"]').click()
      const form = page.locator('[data-test="product-form"]')
      await form.locator('input[name="name"]').fill(name)
      await form.locator('input[name="price"]').fill('3')
      await form.locator('input[name="unit"]').fill('块')
      await form.locator('input[name="threshold"]').fill('4')
      await form.locator('[data-test="product-save"]').click()
      const row = page.locator(`[data-test="stock-list"] [data-product="${name}"]`)
      await row.waitFor()
      assert.equal((await row.locator('[data-test="stock-qty"]').innerText()).trim(), '0')
      await row.locator('[data-test="low-stock"]').waitFor()
      await row.locator('[data-test="photo-placeholder"]').waitFor()

      // the product's photo: chosen in its form, saved at once, shown in the form and the list
      await row.click()
      await form.locator('[data-test="product-photo"] input[data-test="photo-input"]').setInputFiles({
        name: 'soap.png', mimeType: 'image/png', buffer: await drawnPng(page, '#d9822b'),
      })
      await imageLoaded(form.locator('[data-test="product-photo"]'), 'product form')
      await form.locator('[data-test="photo-remove"]').waitFor()
      await form.locator('.van-popup__close-icon').click()
      await imageLoaded(row, 'stock list')

      await page.locator('[data-test="stock-goods"]').click()
      const goods = page.locator('[data-test="goods-form"]')
      await goods.locator('input[name="donorName"]').fill(donor)
      await goods.locator('select[name="donorType"]').selectOption('PAIRED_UNIT')
      await goods.locator(`[data-product="${name}"] input`).fill('6')
      await goods.locator('input[data-test="photo-input"]').setInputFiles({
        name: 'receipt.png', mimeType: 'image/png', buffer: await drawnPng(page, '#3b7dd8'),
      })
      await goods.locator('[data-test="goods-photos"]').waitFor()
      await goods.locator('[data-test="goods-save"]').click()
      await page.locator('[data-test="stock-notice"]').waitFor()
      assert.match(await text(page, 'stock-notice'), /入库已登记/)
      await page.waitForFunction(
        (n) => document.querySelector(`[data-test="stock-list"] [data-product="${n}"] [data-test="stock-qty"]`)?.textContent?.trim() === '6',
        name,
      )
      assert.equal(await row.locator('[data-test="low-stock"]').count(), 0)
      await imageLoaded(page.locator(`[data-test="donor-list"] [data-donor="${donor}"] [data-test="voucher"]`), 'per-donor report')

      await page.locator('[data-test="stock-stocktake"]').click()
      const take = page.locator('[data-test="stocktake-form"]')
      await take.locator(`[data-product="${name}"] input`).fill('4')
      await take.locator('[data-test="stocktake-save"]').click()
      await page.waitForFunction(
        (n) => document.querySelector(`[data-test="stock-list"] [data-product="${n}"] [data-test="stock-qty"]`)?.textContent?.trim() === '4',
        name,
      )
      await row.locator('[data-test="low-stock"]').waitFor()
      await assertNoHorizontalScroll(page, 'stock page')

      // 入库记录: the record with its goods and the voucher photo
      await page.locator('[data-test="donations-link"]').click()
      await page.waitForURL((url) => url.pathname === '/shop/donations')
      const record = page.locator(`[data-test="donation"][data-donor="${donor}"]`).first()
      await record.waitFor()
      assert.match(await record.innerText(), new RegExp(`${name} × 6块`))
      await imageLoaded(record.locator('[data-test="voucher"]'), 'goods record')
      await assertNoHorizontalScroll(page, 'goods records page')

      // the counter: a household (card typed in as a scanner would) sees the product with its photo
      const committee = await apiAs(baseUrl, 'lixin-committee')
      const { villageId } = await committee.get('/api/me')
      const card = await committee.post(`/api/households/${await householdId(committee, villageId, 'H033')}/card/reissue`)
      await page.goto(`${baseUrl}/shop`)
      await page.locator('[data-test="scan-input"]').fill(card.payload)
      await page.locator('[data-test="scan-input"]').press('Enter')
      await page.locator('[data-test="customer-name"]').waitFor()
      await imageLoaded(page.locator(`[data-test="product-grid"] [data-product="${name}"]`), 'counter grid')
      assert.equal(await page.locator(`[data-test="product-grid"] [data-product="${name}"] [data-test="photo-placeholder"]`).count(), 0)
      await assertNoHorizontalScroll(page, 'shop counter with photos')
    },
  },
]
