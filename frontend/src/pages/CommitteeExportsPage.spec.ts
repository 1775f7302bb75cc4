import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { saveTokens } from '../api/tokens'
import { installFakeApi, problem } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { mountAt } from '../testing/mountApp'
import { recentMonths } from '../components/export/exportFormat'

const saveBlob = vi.hoisted(() => vi.fn())
vi.mock('../components/desk/blobFiles', () => ({ saveBlob, blobUrl: vi.fn(), openInNewTab: vi.fn() }))

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function file(name: string, type: string, bytes: Uint8Array, rows: number): Response {
  return new Response(bytes as BodyInit, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="x"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Export-Rows': String(rows),
    },
  })
}

describe('CommitteeExportsPage', () => {
  beforeEach(() => {
    saveBlob.mockReset()
    saveTokens({ access_token: 'A', refresh_token: 'R' })
  })

  it('should download the chosen book and month as Excel and save it under its Chinese name', async () => {
    const month = recentMonths(1)[0]
    const api = installFakeApi({
      'GET /api/me': () => demoMe.VILLAGE_COMMITTEE,
      'GET /api/villages/100/exports/*': () => file(`立新村-积分流水台账-${month}.xlsx`, XLSX, new Uint8Array([0x50, 0x4b, 3, 4, 0]), 12),
    })
    const { wrapper } = await mountAt('/committee/exports')
    await flushPromises()
    expect(wrapper.find('[data-test="desk-nav"]').text()).toContain('导出台账')
    expect(wrapper.find('[data-test="export-describe"]').text()).toContain('每一笔积分变动')

    await wrapper.find('[data-test="export-xlsx"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="export-saved"]').exists()).toBe(true), { timeout: 5000 })

    const call = api.calls.find((c) => c.path.includes('/exports/'))
    expect(call?.path).toBe('/api/villages/100/exports/ledger.xlsx')
    expect(call?.query.get('month')).toBe(month)
    expect(saveBlob).toHaveBeenCalledOnce()
    expect(saveBlob.mock.calls[0][1]).toBe(`立新村-积分流水台账-${month}.xlsx`)
    expect((saveBlob.mock.calls[0][0] as Blob).size).toBe(5)
    expect(wrapper.find('[data-test="export-saved"]').text()).toContain('已保存：立新村-积分流水台账')
  })

  it('should show the server’s reason when the download is refused, and save nothing', async () => {
    installFakeApi({
      'GET /api/me': () => demoMe.VILLAGE_COMMITTEE,
      'GET /api/villages/100/exports/*': () => problem(403, 'FORBIDDEN', '无权访问：超出您的管理范围'),
    })
    const { wrapper } = await mountAt('/committee/exports')
    await flushPromises()

    await wrapper.find('[data-test="export-csv"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="export-problem"]').text()).toContain('超出您的管理范围'), {
      timeout: 5000,
    })
    expect(saveBlob).not.toHaveBeenCalled()
  })

  it('should offer the district its summary per village on the district home', async () => {
    const api = installFakeApi({
      'GET /api/me': () => ({ ...demoMe.DISTRICT_ADMIN, districtId: 7, districtName: '江源区' }),
      'GET /api/villages': () => [],
      'GET /api/districts/7/exports/*': () => file('江源区-各村积分汇总.csv', 'text/csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 10]), 9),
    })
    const { wrapper } = await mountAt('/district')
    await flushPromises()
    expect(wrapper.find('[data-test="district-summary-export"]').text()).toContain('各村积分汇总')

    await wrapper.find('[data-test="district-summary-export"] [data-test="export-csv"]').trigger('click')
    await vi.waitFor(() => expect(saveBlob).toHaveBeenCalledOnce(), { timeout: 5000 })
    expect(api.calls.find((c) => c.path.includes('/exports/'))?.path).toBe('/api/districts/7/exports/summary.csv')
    expect(saveBlob.mock.calls[0][1]).toBe('江源区-各村积分汇总.csv')
  })
})
