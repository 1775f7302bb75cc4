import { vi } from 'vitest'

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  headers: Headers
}

type Reply = Response | object | null
export type FakeRoutes = Record<string, (req: FakeRequest) => Reply | Promise<Reply>>

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function problem(status: number, code: string, detail: string, headers: Record<string, string> = {}): Response {
  const body = { type: 'about:blank', title: code, status, code, detail }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

/**
 * Replaces fetch with a router keyed by "METHOD /path" (path without query; a `*` matches one
 * segment). A handler returning a plain object answers 200 JSON; null answers 204.
 */
export function installFakeApi(routes: FakeRoutes) {
  const calls: FakeRequest[] = []
  const patterns = Object.entries(routes).map(([key, handler]) => {
    const [method, path] = key.split(' ')
    const regex = new RegExp(`^${path.replace(/\*/g, '[^/]+')}$`)
    return { method, regex, handler }
  })
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const method = (init.method ?? 'GET').toUpperCase()
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    const req: FakeRequest = { method, path: url.pathname, query: url.searchParams, body, headers: new Headers(init.headers) }
    calls.push(req)
    const route = patterns.find((p) => p.method === method && p.regex.test(url.pathname))
    if (!route) return problem(404, 'NOT_FOUND', `no fake for ${method} ${url.pathname}`)
    const reply = await route.handler(req)
    if (reply instanceof Response) return reply
    if (reply === null) return new Response(null, { status: 204 })
    return json(200, reply)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}
