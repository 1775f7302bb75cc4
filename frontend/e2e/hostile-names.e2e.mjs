// Names containing markup render inert: a household head, a product and a meeting batch are
// named with an <img onerror> payload through the API, then every page that shows them is
// visited. The payloads must appear as text, never as elements, and never run.
// Writes to 柳岸示例村 (slug liuan, used by no other journey): one household, one product,
// one batch in notice.
import { DEMO_PASSWORD, assert, loginAndLand } from './lib.mjs'

const run = Date.now().toString(36).slice(-5)
const PAYLOAD = '<img src=x onerror="window.__pwned=1">'
const HEAD = `${PAYLOAD}张${run}`
const PRODUCT = `<script>window.__pwned=2</script><b>香皂${run}</b>` // ≤ 60 characters
const TITLE = `${PAYLOAD}评议会${run}`
const REASON = `${PAYLOAD}补录${run}`
const phone = { width: 360, height: 740 }

async function apiAs(baseUrl, username, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `login ${username}`)
  const { access_token: token } = await res.json()
  return async (method, url, body) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `e2e-hostile-${crypto.randomUUID()}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
}

/** The hostile records, made through the real API as 柳岸示例村's committee would. */
async function setUp(baseUrl) {
  const committee = await apiAs(baseUrl, 'liuan-committee')
  const { villageId } = await committee('GET', '/api/me')
  const groups = await committee('GET', `/api/villages/${villageId}/groups`)
  const household = await committee('POST', `/api/villages/${villageId}/households`, {
    code: `X${run}`, headName: HEAD, groupId: groups[0].id,
    members: [{ name: HEAD, relation: 'HEAD' }, { name: PAYLOAD, relation: 'CHILD' }],
  })
  await committee('POST', `/api/households/${household.id}/adjustments`, { points: 30, reason: REASON })
  const product = await committee('POST', `/api/villages/${villageId}/products`, {
    name: PRODUCT, unit: '块', category: '<b>日用品</b>', pricePoints: 5,
  })
  await committee('POST', `/api/villages/${villageId}/donations`, {
    kind: 'DONATION', donorName: PAYLOAD, donorType: 'PERSON', occurredOn: new Date().toISOString().slice(0, 10),
    items: [{ productId: product.id, quantity: 10 }],
  })
  const rules = await committee('GET', `/api/villages/${villageId}/rules`)
  const rule = rules.find((r) => r.active && r.points > 0 && !r.evidenceRequired)
  const batch = await committee('POST', `/api/villages/${villageId}/award-batches`, {
    title: TITLE, meetingDate: new Date().toISOString().slice(0, 10), attendees: PAYLOAD,
    items: [{ householdId: household.id, ruleId: rule.id, note: PAYLOAD }],
  })
  await committee('POST', `/api/award-batches/${batch.id}/approve`)
  const login = await committee('POST', `/api/households/${household.id}/pin`)
  const card = await committee('POST', `/api/households/${household.id}/card/reissue`)
  return { villageId, code: `X${run}`, login, card }
}

/** The markup is on the page as text, no element was made from it, and nothing ran. */
async function assertInert(page, text, where) {
  await page.getByText(text, { exact: false }).first().waitFor()
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
  }))
  assert.equal(state.pwned, undefined, `${where}: the payload ran`)
  assert.equal(state.images, 0, `${where}: an <img> was made from a name`)
  assert.equal(state.scripts, 0, `${where}: a <script> was made from a name`)
}

let made
/** The records are made once per run, by whichever of these journeys runs first. */
const records = async (baseUrl) => {
  made ??= setUp(baseUrl)
  made = await made
  return made
}

export const tests = [
  {
    name: 'hostile names: the committee register and drawer show markup as text',
    run: async ({ page, baseUrl }) => {
      await records(baseUrl)
      await loginAndLand(page, baseUrl, 'liuan-committee', '/committee')
      await page.fill('input[data-test="household-search"]', made.code)
      await assertInert(page, HEAD, 'register table')
      await page.locator('[data-test="household-table"] .el-table__row', { hasText: made.code })
        .first().getByRole('button', { name: made.code }).click()
      await page.locator('[data-test="household-tabs"]').waitFor()
      await assertInert(page, HEAD, 'household drawer')
      await page.click('#tab-passbook')
      await assertInert(page, REASON, 'household passbook')
    },
  },
  {
    name: 'hostile names: the villager home and passbook show markup as text',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await records(baseUrl)
      await loginAndLand(page, baseUrl, made.login.username, '/villager', made.login.pin)
      await assertInert(page, HEAD, 'villager header')
      await page.goto(`${baseUrl}/villager/passbook`)
      await assertInert(page, REASON, 'villager passbook')
    },
  },
  {
    name: 'hostile names: the shop counter and stock show markup as text',
    viewport: phone,
    run: async ({ page, baseUrl }) => {
      await records(baseUrl)
      await loginAndLand(page, baseUrl, 'liuan-shop', '/shop')
      await page.locator('[data-test="scan-input"]').fill(made.card.payload)
      await page.locator('[data-test="scan-input"]').press('Enter')
      await page.locator('[data-test="customer-name"]').waitFor()
      await assertInert(page, HEAD, 'counter customer')
      await assertInert(page, `香皂${run}`, 'counter products')
      assert.match(await page.locator('[data-product]', { hasText: `香皂${run}` }).first().innerText(), /<script>/)
      await page.goto(`${baseUrl}/shop/stock`)
      await assertInert(page, `香皂${run}`, 'stock')
    },
  },
  {
    name: 'hostile names: the public notice board shows markup as text',
    run: async ({ page, baseUrl }) => {
      await records(baseUrl)
      await page.goto(`${baseUrl}/notice/${made.villageId}`)
      await assertInert(page, TITLE, 'notice board')
    },
  },
]
