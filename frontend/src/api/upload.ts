// File uploads through XMLHttpRequest, which (unlike fetch) reports upload progress. Same
// session handling and errors as http.ts.
import { ApiError, buildUrl, toError, withSession, type RequestOptions } from './http'
import { accessToken } from './tokens'

export interface UploadOptions {
  query?: RequestOptions['query']
  /** fraction of the file sent, 0..1 */
  onProgress?: (fraction: number) => void
}

function attempt(url: string, form: FormData, onProgress?: (fraction: number) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    const token = accessToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total)
    }
    xhr.upload.onload = () => onProgress?.(1)
    xhr.onload = () => {
      const headers: Record<string, string> = {}
      for (const name of ['Content-Type', 'Retry-After']) {
        const value = xhr.getResponseHeader(name)
        if (value) headers[name] = value
      }
      const body = xhr.status === 204 ? null : xhr.responseText
      resolve(new Response(body, { status: xhr.status, headers }))
    }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK'))
    xhr.ontimeout = () => reject(new ApiError(0, 'NETWORK'))
    xhr.send(form)
  })
}

/** POSTs a multipart form; answers the parsed JSON or throws an ApiError. */
export async function upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
  const url = buildUrl(path, opts.query)
  const res = await withSession(() => attempt(url, form, opts.onProgress))
  if (!res.ok) throw await toError(res)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}
