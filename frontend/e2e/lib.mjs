// Shared steps for the journeys. Accounts are the backend's demo data (VP_DEMO=true).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright-core'

export const DEMO_PASSWORD = 'demo123'

/** Chrome logs every 4xx response as a console error; journeys that expect one allow it. */
export const EXPECTED_401 = /status of 401/

export async function login(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`)
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', password)
  await page.click('form[data-test="login-form"] button[type="submit"]')
}

export async function loginAndLand(page, baseUrl, username, home, password = DEMO_PASSWORD) {
  await login(page, baseUrl, username, password)
  await page.waitForURL((url) => url.pathname === home)
  await page.locator('[data-test="header-name"]').waitFor()
}

export async function expectText(page, text) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' })
}

export async function headerScope(page) {
  return (await page.locator('[data-test="header-scope"]').innerText()).trim()
}

/** The page must not scroll sideways: nothing wider than the viewport. */
export async function assertNoHorizontalScroll(page, where) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  assert.ok(scrollWidth <= clientWidth, `${where}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`)
}

export { assert }

/** Logs in through the API (no page) and answers the access token. */
export async function apiToken(request, baseUrl, username, password = DEMO_PASSWORD) {
  const res = await request.post(`${baseUrl}/api/login`, { data: { username, password } })
  assert.equal(res.status(), 200, `login ${username}: ${res.status()}`)
  return (await res.json()).access_token
}

/** Finds a household of the committee's village by its code, through the API. */
export async function apiHousehold(request, baseUrl, token, villageId, code) {
  const res = await request.get(`${baseUrl}/api/villages/${villageId}/households?q=${encodeURIComponent(code)}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  const found = (await res.json()).items.find((h) => h.code === code)
  assert.ok(found, `household ${code} not found`)
  return found
}

/** Reads a number shown on the page, e.g. a balance. */
export async function numberIn(page, selector) {
  const locator = page.locator(selector).first()
  await locator.waitFor()
  await page.waitForFunction((sel) => /\d/.test(document.querySelector(sel)?.textContent ?? ''), selector)
  return Number((await locator.innerText()).replace(/[^\d-]/g, ''))
}

/** A small PNG drawn by the page's own canvas: a coloured square with a white disc. */
export async function drawnPng(page, color) {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas')
    canvas.width = 160
    canvas.height = 160
    const g = canvas.getContext('2d')
    g.fillStyle = fill
    g.fillRect(0, 0, 160, 160)
    g.fillStyle = '#fff'
    g.beginPath()
    g.arc(80, 80, 50, 0, 2 * Math.PI)
    g.fill()
    return canvas.toDataURL('image/png')
  }, color)
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

/** Waits until the <img> under the locator has really been decoded (naturalWidth > 0). */
export async function imageLoaded(locator, what) {
  const img = locator.locator('img').first()
  await img.waitFor()
  await img.evaluate((el) => (el.complete ? null : new Promise((resolve) => el.addEventListener('load', resolve, { once: true }))))
  assert.ok((await img.evaluate((el) => el.naturalWidth)) > 0, `${what}: the photo is shown`)
}

/** Logs out from a desk or phone header and waits for the login page. */
export async function logout(page) {
  await page.click('[data-test="logout"]')
  await page.waitForURL((url) => url.pathname === '/login')
}

/** Committee desk: opens a household's drawer from the register table by searching its code. */
export async function openHouseholdDrawer(page, code) {
  await page.fill('input[data-test="household-search"]', code)
  const row = page.locator('[data-test="household-table"] .el-table__row', { hasText: code })
  await row.first().waitFor()
  await page.waitForFunction(
    () => document.querySelectorAll('[data-test="household-table"] .el-table__row').length === 1,
  )
  await row.first().getByRole('button', { name: code }).click()
  await page.locator('[data-test="household-tabs"]').waitFor()
}

/** In an open household drawer: adjusts the points, confirms, and answers the balance shown after. */
export async function adjustInDrawer(page, points, reason) {
  await page.click('#tab-passbook')
  const before = await numberIn(page, '[data-test="passbook-balance"]')
  await page.click('[data-test="adjust-open"]')
  await page.fill('[data-test="adjust-points"] input', String(points))
  await page.press('[data-test="adjust-points"] input', 'Tab')
  await page.fill('input[data-test="adjust-reason"]', reason)
  await page.click('[data-test="adjust-next"]')
  const confirm = await page.locator('[data-test="adjust-confirm"]').innerText()
  assert.match(confirm, new RegExp(`调整后余额：${before + points} 分`))
  await page.click('[data-test="adjust-submit"]')
  const after = await numberIn(page, '[data-test="adjust-balance"]')
  assert.equal(after, before + points)
  await page.click('[data-test="adjust-close"]')
  return { before, after }
}

/** A second Chromium whose camera plays the given video (run.mjs's flags plus the fake camera). */
export async function launchWithCamera(video) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  })
}

/** A picture of a QR code as a 3-second fake camera video: on white, 640×480, yuv420p (ffmpeg). */
export function qrVideo(png, y4m) {
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error', '-loop', '1', '-i', png,
    '-vf', 'scale=400:-1,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    '-t', '3', '-r', '10', y4m,
  ])
}

/** The runner only watches its own page; a page of a second browser fails the journey the same way. */
export function watchConsole(page, allowed = []) {
  const errors = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allowed.some((re) => re.test(msg.text()))) errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`))
  return () => assert.deepEqual(errors, [], 'console errors on the second browser\'s page')
}

/** GETs an API path from inside the page with the session's stored access token (as the app does). */
export async function apiInPage(page, path) {
  const { status, body } = await page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { Authorization: `Bearer ${localStorage.getItem('vp.accessToken')}` } })
    return { status: res.status, body: await res.json() }
  }, path)
  assert.equal(status, 200, `GET ${path}: ${status} ${JSON.stringify(body)}`)
  return body
}
