import { describe, expect, it } from 'vitest'
import { ApiError } from './http'
import { downloadWithProgress, filenameFrom, type DownloadProgress } from './download'
import { saveTokens } from './tokens'
import { installFakeApi, problem } from '../testing/fakeApi'

const encoder = new TextEncoder()

/** A response body that arrives in the given pieces; `fail` breaks the connection after them. */
function streamed(pieces: string[], headers: Record<string, string>, fail = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(encoder.encode(p))
      if (fail) controller.error(new Error('connection reset'))
      else controller.close()
    },
  })
  return new Response(body, { status: 200, headers })
}

const csvHeaders = {
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="village-1-ledger-2026-03.csv"; filename*=UTF-8''${encodeURIComponent('立新村-积分流水台账-2026-03.csv')}`,
  'X-Export-Rows': '3',
}

describe('downloadWithProgress', () => {
  it('should read the Chinese file name, and the plain one when there is no other', () => {
    expect(filenameFrom(csvHeaders['Content-Disposition'])).toBe('立新村-积分流水台账-2026-03.csv')
    expect(filenameFrom('attachment; filename="cards-1.pdf"')).toBe('cards-1.pdf')
    expect(filenameFrom(null)).toBeNull()
  })

  it('should report bytes and CSV rows as the pieces arrive, and hand over the whole file', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    const api = installFakeApi({
      'GET /api/villages/1/exports/*': () => streamed(['\ufeff日期,户编号\r\n2026-03-01,H001\r\n', '2026-03-02,H002\r\n2026-03-03,H003\r\n'], csvHeaders),
    })
    const seen: DownloadProgress[] = []

    const file = await downloadWithProgress('/api/villages/1/exports/ledger.csv', { month: '2026-03' }, (p) => seen.push(p))

    expect(api.calls[0].query.get('month')).toBe('2026-03')
    expect(api.calls[0].headers.get('Authorization')).toBe('Bearer A')
    expect(seen[0]).toEqual({ bytes: 0, rows: 0, totalRows: 3 })
    expect(seen.map((p) => p.rows)).toContain(1)
    expect(seen.at(-1)).toMatchObject({ rows: 3, totalRows: 3 })
    expect(file.filename).toBe('立新村-积分流水台账-2026-03.csv')
    expect(file.bytes).toBe(seen.at(-1)?.bytes)
    const bytes = new Uint8Array(await file.blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.length).toBe(file.bytes)
  })

  it('should say the file is incomplete when the connection breaks midway', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({ 'GET /api/villages/1/exports/*': () => streamed(['日期,户编号\r\n'], csvHeaders, true) })

    const failure = downloadWithProgress('/api/villages/1/exports/ledger.csv', {}, () => {})

    await expect(failure).rejects.toMatchObject({ code: 'DOWNLOAD_INTERRUPTED' })
  })

  it('should pass on the server’s refusal in Chinese', async () => {
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({ 'GET /api/villages/1/exports/*': () => problem(400, 'BAD_MONTH', '月份填写有误') })

    const failure = downloadWithProgress('/api/villages/1/exports/ledger.xlsx', { month: 'x' }, () => {})

    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'BAD_MONTH', detail: '月份填写有误' })
  })
})
