import { apiInPage, apiToken, assert, loginAndLand } from './lib.mjs'

// Dashboards: committee, town and district open theirs; every headline figure on the page equals
// the API's answer for the same period (asked from the page with the stored token), every chart
// has a drawn canvas, and the big screen is dark, refreshes itself and stops when left. The
// runner fails a journey on any console error or page error. Figures may be 0 on fresh demo
// data: only equality with the API is asserted.

/** Dashboards load a chart chunk and several charts; on a busy 2-core machine 10 s is too tight. */
const SLOW = 20_000

const number = (n) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(n)
const percent = (rate) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`

/** The headline cards as the page must write them, from the API's figures. */
function expectedStats(f) {
  return {
    households: number(f.households),
    participation: percent(f.participationRate),
    issued: number(f.pointsIssued),
    deducted: number(f.pointsDeducted),
    redeemed: number(f.pointsRedeemed),
    outstanding: number(f.pointsOutstanding),
    clean: f.cleanHouseholdRate === null ? '本期未评比' : percent(f.cleanHouseholdRate),
  }
}

async function shownStats(page, ids) {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((id) => [id, document.querySelector(`[data-test="stat-${id}"] [data-test="stat-value"]`)?.textContent?.trim() ?? null]),
      ),
    ids,
  )
}

/** Waits until the cards show `expected` (they follow the last answer), then compares. */
async function assertStats(page, expected) {
  const ids = Object.keys(expected)
  await page
    .waitForFunction(
      (exp) =>
        Object.entries(exp).every(
          ([id, v]) => document.querySelector(`[data-test="stat-${id}"] [data-test="stat-value"]`)?.textContent?.trim() === v,
        ),
      expected,
    )
    .catch(() => {})
  assert.deepEqual(await shownStats(page, ids), expected)
}

/** Every chart on the page has a canvas of non-zero size; at least `min` charts. */
async function assertChartsDrawn(page, min) {
  await page.waitForFunction((m) => {
    const boxes = [...document.querySelectorAll('[data-test="dashboard-chart"]')]
    return (
      boxes.length >= m &&
      boxes.every((box) => {
        const canvas = box.querySelector('canvas')
        return canvas && canvas.width > 0 && canvas.height > 0 && canvas.getBoundingClientRect().height > 0
      })
    )
  }, min)
}

function periodOf(page) {
  const url = new URL(page.url())
  const from = url.searchParams.get('from')
  const to = url.searchParams.get('to')
  assert.match(from ?? '', /^\d{4}-\d{2}$/, `period in the address of ${page.url()}`)
  assert.match(to ?? '', /^\d{4}-\d{2}$/)
  return { from, to, query: `from=${from}&to=${to}` }
}

async function assertVillageDashboard(page, villageId) {
  const { query } = periodOf(page)
  const api = await apiInPage(page, `/api/villages/${villageId}/dashboard?${query}`)
  await assertStats(page, expectedStats(api))
  await assertChartsDrawn(page, 2)
  assert.match(await page.locator('[data-test="dashboard-title"]').innerText(), new RegExp(api.villageName))
  assert.equal(await page.locator('[data-test="top-households"] .el-table__row').count(), api.topHouseholds.length)
  return api
}

async function assertAreaDashboard(page, path) {
  const { query } = periodOf(page)
  const api = await apiInPage(page, `${path}?${query}`)
  await assertStats(page, { villages: number(api.totals.villages), ...expectedStats(api.totals) })
  await page.locator('[data-test="ranking"] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test="ranking"] .el-table__body-wrapper .el-table__row').count(), api.villages.length)
  await assertChartsDrawn(page, 3)
  return api
}

/**
 * Gives a household of 松林示例村 (a village no other journey writes to) a few points by a
 * committee adjustment, so that the town's figures are not all zero on fresh demo data.
 */
async function adjustSonglin(request, baseUrl, points) {
  const token = await apiToken(request, baseUrl, 'songlin-committee')
  const headers = { Authorization: `Bearer ${token}` }
  const me = await (await request.get(`${baseUrl}/api/me`, { headers })).json()
  const households = await (await request.get(`${baseUrl}/api/villages/${me.villageId}/households?size=1`, { headers })).json()
  const res = await request.post(`${baseUrl}/api/households/${households.items[0].id}/adjustments`, {
    headers: { ...headers, 'Idempotency-Key': `e2e-dashboards-${Date.now()}` },
    data: { points, reason: 'E2E 看板核对' },
  })
  assert.equal(res.status(), 201, `adjustment: ${res.status()} ${await res.text()}`)
}

/** The ranking's column with this title, read top to bottom. */
async function rankingColumn(page, title) {
  return page.locator('[data-test="ranking"]').evaluate((table, name) => {
    const titles = [...table.querySelectorAll('.el-table__header th')].map((th) => th.textContent.trim())
    const index = titles.indexOf(name)
    if (index < 0) throw new Error(`no column ${name} in ${titles.join(', ')}`)
    return [...table.querySelectorAll('.el-table__body-wrapper .el-table__row')].map((row) => row.children[index].textContent.trim())
  }, title)
}

export const tests = [
  {
    name: 'dashboards: the committee opens its village dashboard; figures equal the API for this month and for this year',
    run: async ({ page, baseUrl }) => {
      page.setDefaultTimeout(SLOW)
      await loginAndLand(page, baseUrl, 'lixin-committee', '/committee')
      await page.click('[data-test="dashboard-link"]')
      await page.waitForURL((url) => url.pathname === '/committee/dashboard' && url.searchParams.has('from'))
      const me = await apiInPage(page, '/api/me')
      const month = await assertVillageDashboard(page, me.villageId)
      assert.equal(month.period.kind, 'M')

      await page.click('[data-test="period-thisYear"]')
      await page.waitForURL((url) => url.searchParams.get('from')?.endsWith('-01') && url.searchParams.get('to')?.endsWith('-12'))
      const year = await assertVillageDashboard(page, me.villageId)
      assert.equal(year.period.kind, 'Y')

      // the address alone reproduces the view
      const link = page.url()
      await page.goto(`${baseUrl}/committee`)
      await page.goto(link)
      await assertVillageDashboard(page, me.villageId)
      assert.equal(await page.locator('.el-radio-button.is-active').getAttribute('data-test'), 'period-thisYear')
    },
  },
  {
    name: 'dashboards: town staff compare their villages, sort the ranking and open a village',
    run: async ({ page, baseUrl }) => {
      page.setDefaultTimeout(SLOW)
      await adjustSonglin(page.request, baseUrl, 7)
      await loginAndLand(page, baseUrl, 'zhengcha', '/town')
      await page.click('[data-test="dashboard-link"]')
      await page.waitForURL((url) => url.pathname === '/town/dashboard' && url.searchParams.has('from'))
      const me = await apiInPage(page, '/api/me')
      const api = await assertAreaDashboard(page, `/api/towns/${me.townId}/dashboard`)
      const songlin = api.villages.find((v) => v.villageName === '松林示例村')
      assert.ok(songlin.pointsAdjusted >= 7 && api.totals.pointsOutstanding >= 7, 'the adjustment is in the figures compared')
      assert.equal(
        (await rankingColumn(page, '结余积分'))[(await rankingColumn(page, '村')).indexOf('松林示例村')],
        number(songlin.pointsOutstanding),
      )

      // highest participation first, then points per household, then name, until a column title is clicked
      const ranked = [...api.villages].sort(
        (a, b) =>
          b.participationRate - a.participationRate ||
          b.pointsPerHousehold - a.pointsPerHousehold ||
          a.villageName.localeCompare(b.villageName, 'zh-CN'),
      )
      assert.deepEqual(await rankingColumn(page, '村'), ranked.map((v) => v.villageName))
      assert.deepEqual(await rankingColumn(page, '参与率'), ranked.map((v) => percent(v.participationRate)))
      const issuedHeader = page.locator('[data-test="ranking"] th', { hasText: '发放积分' })
      await issuedHeader.click() // ascending
      await issuedHeader.click() // descending
      const issued = (await rankingColumn(page, '发放积分')).map((t) => Number(t.replace(/,/g, '')))
      assert.deepEqual(issued, [...issued].sort((a, b) => b - a))
      assert.deepEqual([...issued].sort((a, b) => a - b), api.villages.map((v) => v.pointsIssued).sort((a, b) => a - b))

      const lixin = api.villages.find((v) => v.villageName === '立新村')
      assert.ok(lixin, '立新村 is in 正岔街道')
      await page.locator('[data-test="ranking-village"]', { hasText: '立新村' }).click()
      await page.waitForURL((url) => url.pathname === `/town/villages/${lixin.villageId}/dashboard`)
      const village = await assertVillageDashboard(page, lixin.villageId)
      assert.equal(village.households, lixin.households)
      assert.equal(village.pointsIssued, lixin.pointsIssued)

      // the village list of the home page links each village's dashboard too
      await page.click('[data-test="dashboard-back"]')
      await page.waitForURL((url) => url.pathname === '/town/dashboard')
      await page.locator('[data-test="desk-nav"]').getByRole('link', { name: '辖区村庄' }).click()
      await page.locator('[data-test="village-dashboard-link"]').first().click()
      await page.waitForURL(/\/town\/villages\/\d+\/dashboard/)
      await assertChartsDrawn(page, 2)
    },
  },
  {
    name: 'dashboards: the district dashboard and its big screen (dark, ranking, refresh every minute, no timer left behind)',
    run: async ({ page, baseUrl }) => {
      await page.clock.install()
      page.setDefaultTimeout(SLOW)
      await loginAndLand(page, baseUrl, 'district', '/district')
      await page.click('[data-test="dashboard-link"]')
      await page.waitForURL((url) => url.pathname === '/district/dashboard' && url.searchParams.has('from'))
      const me = await apiInPage(page, '/api/me')
      const path = `/api/districts/${me.districtId}/dashboard`
      const api = await assertAreaDashboard(page, path)
      assert.ok(api.villages.some((v) => v.townName === '城墙街道'), 'the district sees every town')

      await page.click('[data-test="open-big-screen"]')
      await page.waitForURL((url) => url.pathname === '/district/big-screen')
      const screen = page.locator('[data-test="big-screen"]')
      await page.locator('[data-test="big-ranking-row"]').first().waitFor()
      await assertStats(page, { villages: number(api.totals.villages), ...expectedStats(api.totals) })
      assert.equal(await page.locator('[data-test="big-ranking-row"]').count(), Math.min(10, api.villages.length))
      assert.match(await page.locator('[data-test="big-updated"]').innerText(), /^更新于 \d{2}:\d{2}$/)
      await assertChartsDrawn(page, 2)
      const look = await screen.evaluate((el) => {
        // an opaque colour (rgb(), not a transparent rgba()) of its own, whatever the gradient over it
        const rgb = (s) => (s.startsWith('rgb(') ? s.match(/\d+/g).map(Number) : [255, 255, 255])
        const box = el.getBoundingClientRect()
        return {
          background: rgb(getComputedStyle(el).backgroundColor),
          color: rgb(getComputedStyle(el).color),
          title: parseFloat(getComputedStyle(el.querySelector('h1')).fontSize),
          width: box.width,
          height: box.height,
        }
      })
      const light = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
      assert.ok(light(look.background) < 0.15, `dark background ${look.background}`)
      assert.ok(light(look.color) > 0.8, `light text ${look.color}`)
      assert.ok(look.title >= 26, `title of ${look.title}px`)
      assert.deepEqual([look.width, look.height], [1280, 800], 'the big screen fills the window')

      // a minute later it asks again by itself
      const again = page.waitForRequest((req) => new URL(req.url()).pathname === path)
      await page.clock.fastForward(61_000)
      await again

      // once left, nothing keeps asking
      await page.click('[data-test="big-leave"]')
      await page.waitForURL((url) => url.pathname === '/district/dashboard')
      await page.locator('[data-test="ranking"] .el-table__row').first().waitFor()
      await page.waitForLoadState('networkidle')
      let asked = 0
      page.on('request', (req) => {
        if (new URL(req.url()).pathname === path) asked++
      })
      await page.clock.fastForward(5 * 60_000)
      await page.waitForTimeout(500)
      assert.equal(asked, 0, 'the big screen stopped refreshing when it was left')
    },
  },
]
