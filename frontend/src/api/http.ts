// The one HTTP module: bearer token, a single refresh on 401, problem+json → ApiError.
import { accessToken, clearTokens, refreshToken, saveTokens, type TokenPair } from './tokens'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail?: string
  readonly retryAfter?: number

  constructor(status: number, code: string, detail?: string, retryAfter?: number) {
    super(detail ?? `${code} (${status})`)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.detail = detail
    this.retryAfter = retryAfter
  }
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | boolean | undefined | null>
  /** false for calls that must never send a token or refresh (login, refresh, logout). */
  auth?: boolean
  /** extra headers, e.g. Idempotency-Key */
  headers?: Record<string, string>
  /**
   * 'blob' for files (PDF, PNG, templates): sent with Accept *\/* and answered as a Blob;
   * 'response' for files read as they arrive (download.ts): the unread Response of a success
   */
  as?: 'json' | 'blob' | 'response'
}

let onSessionLost: () => void = () => {}
let refreshing: Promise<boolean> | null = null

/** Called once at start-up: what to do when the session cannot be refreshed. */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function send(method: string, url: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: opts.as === 'blob' || opts.as === 'response' ? '*/*' : 'application/json, application/problem+json',
    ...opts.headers,
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  const token = opts.auth === false ? null : accessToken()
  if (token) headers.Authorization = `Bearer ${token}`
  try {
    return await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
  } catch {
    throw new ApiError(0, 'NETWORK')
  }
}

export async function toError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`
  let detail: string | undefined
  const type = res.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const problem = (await res.json()) as { code?: string; detail?: string; title?: string }
      code = problem.code ?? code
      detail = problem.detail ?? problem.title
    } catch {
      // a broken body still yields an error with the status code
    }
  }
  const retry = Number(res.headers.get('Retry-After'))
  return new ApiError(res.status, code, detail, Number.isFinite(retry) && retry > 0 ? retry : undefined)
}

async function refreshOnce(): Promise<boolean> {
  const token = refreshToken()
  if (!token) return false
  refreshing ??= (async () => {
    try {
      const res = await send('POST', '/api/token/refresh', { body: { refresh_token: token }, auth: false })
      if (!res.ok) return false
      saveTokens((await res.json()) as TokenPair)
      return true
    } catch {
      return false
    } finally {
      refreshing = null
    }
  })()
  return refreshing
}

/**
 * Runs one attempt; on 401 with a session, refreshes the tokens once and tries again; a second
 * 401 ends the session. Also used by the upload module (XMLHttpRequest, for progress events).
 */
export async function withSession<R extends { status: number }>(attempt: () => Promise<R>, auth = true): Promise<R> {
  let res = await attempt()
  if (res.status === 401 && auth && accessToken()) {
    if (await refreshOnce()) {
      res = await attempt()
    }
    if (res.status === 401) {
      clearTokens()
      onSessionLost()
    }
  }
  return res
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, opts.query)
  const res = await withSession(() => send(method, url, opts), opts.auth !== false)
  if (!res.ok) throw await toError(res)
  if (opts.as === 'blob') return (await res.blob()) as T
  if (opts.as === 'response') return res as T
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, auth = true) => request<T>('POST', path, { body, auth }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** a POST that carries an Idempotency-Key, so that a retry never acts twice */
  postOnce: <T>(path: string, body: unknown, idempotencyKey: string) =>
    request<T>('POST', path, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** a file (PDF, PNG, spreadsheet) with the bearer token */
  blob: (path: string, query?: RequestOptions['query']) => request<Blob>('GET', path, { query, as: 'blob' }),
}
