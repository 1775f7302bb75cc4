// Browser journeys: runs every e2e/*.e2e.mjs against a running server (BASE_URL) in Debian's
// Chromium. Each journey file exports `tests`: [{ name, run({ page, context, baseUrl }),
// viewport?, allowConsole?: RegExp[] }]. Page console errors fail the test unless allowed.
import { chromium } from 'playwright-core'
import { mkdir, readdir } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const shotDir = path.join(here, '..', 'target', 'e2e')
const baseUrl = process.env.BASE_URL?.replace(/\/$/, '')
if (!baseUrl) {
  console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:8080 npm run test:e2e')
  process.exit(2)
}
const only = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : null

const files = (await readdir(here)).filter((f) => f.endsWith('.e2e.mjs')).sort()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

// A freshly started server (JIT, first reads of the built assets) can take longer for its first
// page than a journey's 10-s step on a busy machine: load it once, outside any journey.
{
  const warm = await browser.newContext()
  await (await warm.newPage()).goto(`${baseUrl}/login`, { timeout: 120_000 }).catch((err) => console.log(`warm-up: ${err.message}`))
  await warm.close()
}

let passed = 0
let failed = 0
for (const file of files) {
  const { tests } = await import(pathToFileURL(path.join(here, file)).href)
  for (const test of tests) {
    const name = `${file.replace('.e2e.mjs', '')} › ${test.name}`
    if (only && !only.test(name)) continue
    const started = Date.now()
    const context = await browser.newContext({ viewport: test.viewport ?? { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const consoleErrors = []
    const allowed = test.allowConsole ?? []
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !allowed.some((re) => re.test(msg.text()))) consoleErrors.push(msg.text())
    })
    page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`))
    try {
      await test.run({ page, context, baseUrl })
      if (consoleErrors.length) throw new Error(`console errors:\n  ${consoleErrors.join('\n  ')}`)
      passed++
      console.log(`✓ ${name} (${Date.now() - started} ms)`)
    } catch (err) {
      failed++
      await mkdir(shotDir, { recursive: true })
      const shot = path.join(shotDir, `${name.replace(/[^\w-]+/g, '_')}.png`)
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {})
      console.log(`✗ ${name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}\n    screenshot: ${shot}`)
    } finally {
      await context.close()
    }
  }
}
await browser.close()
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
