import { describe, expect, it, vi } from 'vitest'
import { ApiError, http, setSessionLostHandler } from './http'
import { accessToken, refreshToken, saveTokens } from './tokens'
import { installFakeApi, json, problem } from '../testing/fakeApi'

function bearer(headers: Headers): string | null {
  return headers.get('Authorization')
}

describe('http', () => {
  it('should send the access token as a bearer header', async () => {
    saveTokens({ access_token: 'A1', refresh_token: 'R1' })
    const api = installFakeApi({ 'GET /api/me': () => ({ username: 'u' }) })

    await expect(http.get('/api/me')).resolves.toEqual({ username: 'u' })
    expect(bearer(api.calls[0].headers)).toBe('Bearer A1')
  })

  it('should never send a token with login', async () => {
    saveTokens({ access_token: 'A1', refresh_token: 'R1' })
    const api = installFakeApi({ 'POST /api/login': () => ({ ok: true }) })

    await http.post('/api/login', { username: 'u', password: 'p' }, false)
    expect(bearer(api.calls[0].headers)).toBeNull()
    expect(api.calls[0].body).toEqual({ username: 'u', password: 'p' })
  })

  it('should refresh once on 401, keep the new tokens and retry with the new token', async () => {
    saveTokens({ access_token: 'old', refresh_token: 'R1' })
    const api = installFakeApi({
      'GET /api/villages': (req) =>
        bearer(req.headers) === 'Bearer new' ? [{ id: 1 }] : problem(401, 'UNAUTHORIZED', '登录已过期'),
      'POST /api/token/refresh': (req) =>
        (req.body as { refresh_token: string }).refresh_token === 'R1'
          ? { access_token: 'new', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900 }
          : problem(401, 'BAD_REFRESH', '请重新登录'),
    })

    await expect(http.get('/api/villages')).resolves.toEqual([{ id: 1 }])
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/villages',
      'POST /api/token/refresh',
      'GET /api/villages',
    ])
    expect(bearer(api.calls[1].headers)).toBeNull()
    expect(accessToken()).toBe('new')
    expect(refreshToken()).toBe('R2')
  })

  it('should share one refresh between requests that fail together', async () => {
    saveTokens({ access_token: 'old', refresh_token: 'R1' })
    const api = installFakeApi({
      'GET /api/*': (req) => (bearer(req.headers) === 'Bearer new' ? { ok: req.path } : problem(401, 'UNAUTHORIZED', 'x')),
      'POST /api/token/refresh': () => ({ access_token: 'new', refresh_token: 'R2' }),
    })

    await Promise.all([http.get('/api/me'), http.get('/api/villages')])
    expect(api.calls.filter((c) => c.path === '/api/token/refresh')).toHaveLength(1)
  })

  it('should end the session and call the handler when the refresh fails', async () => {
    saveTokens({ access_token: 'old', refresh_token: 'R1' })
    const lost = vi.fn()
    setSessionLostHandler(lost)
    installFakeApi({
      'GET /api/me': () => problem(401, 'UNAUTHORIZED', '请先登录'),
      'POST /api/token/refresh': () => problem(401, 'BAD_REFRESH', '请重新登录'),
    })

    const err = await http.get('/api/me').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(401)
    expect(lost).toHaveBeenCalledOnce()
    expect(accessToken()).toBeNull()
    expect(refreshToken()).toBeNull()
    setSessionLostHandler(() => {})
  })

  it('should not try to refresh a failed login', async () => {
    const api = installFakeApi({
      'POST /api/login': () => problem(401, 'BAD_CREDENTIALS', '用户名或密码错误'),
    })

    await expect(http.post('/api/login', {}, false)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(api.calls).toHaveLength(1)
  })

  it('should turn problem+json into an error with code, Chinese detail and status', async () => {
    installFakeApi({
      'POST /api/login': () => problem(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多，请 60 秒后再试', { 'Retry-After': '60' }),
    })

    const err = (await http.post('/api/login', {}, false).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('TOO_MANY_ATTEMPTS')
    expect(err.detail).toBe('尝试次数过多，请 60 秒后再试')
    expect(err.status).toBe(429)
    expect(err.retryAfter).toBe(60)
    expect(err.message).toBe('尝试次数过多，请 60 秒后再试')
  })

  it('should give an error with the status when the body is not JSON', async () => {
    installFakeApi({ 'GET /api/me': () => new Response('oops', { status: 502 }) })

    await expect(http.get('/api/me')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', detail: undefined })
  })

  it('should report a network failure as code NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))

    await expect(http.get('/api/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('should drop empty query values and answer 204 with undefined', async () => {
    const api = installFakeApi({ 'POST /api/logout': () => null, 'GET /api/villages/1/households': () => json(200, []) })

    await expect(http.post('/api/logout', { refresh_token: 'R' }, false)).resolves.toBeUndefined()
    await http.get('/api/villages/1/households', { q: '', page: 0, groupId: undefined, size: 20 })
    expect(api.calls[1].query.toString()).toBe('page=0&size=20')
  })
})
