// Large files (the monthly books) read as they arrive, so the page can show how far it got.
// The bearer token rules out a plain <a href>: the file is fetched, counted, then saved as a blob.
import { ApiError, request, type RequestOptions } from './http'

export interface DownloadProgress {
  /** bytes received so far */
  bytes: number
  /** CSV only: data rows received so far (lines after the header); null for other files */
  rows: number | null
  /** rows the server announced (X-Export-Rows), null when it did not */
  totalRows: number | null
}

export interface DownloadedFile {
  blob: Blob
  filename: string
  bytes: number
  totalRows: number | null
}

const NEWLINE = 10

/** The file name of a Content-Disposition header: filename*=UTF-8''… first, then filename="…". */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // a broken encoding falls back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition)
  return plain ? plain[1].trim() : null
}

function countNewlines(chunk: Uint8Array): number {
  let n = 0
  for (const byte of chunk) if (byte === NEWLINE) n++
  return n
}

/**
 * GETs a file with the session, reporting progress after every chunk. Errors before the first
 * byte are the server's problem+json (ApiError); a connection cut off midway is
 * DOWNLOAD_INTERRUPTED, so a partial file is never offered as complete.
 */
export async function downloadWithProgress(
  path: string,
  query: RequestOptions['query'],
  onProgress: (p: DownloadProgress) => void,
): Promise<DownloadedFile> {
  const res = await request<Response>('GET', path, { query, as: 'response' })
  const announced = Number(res.headers.get('X-Export-Rows'))
  const totalRows = res.headers.has('X-Export-Rows') && Number.isFinite(announced) ? announced : null
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream'
  const filename = filenameFrom(res.headers.get('Content-Disposition')) ?? path.split('/').pop() ?? 'download'
  const csv = type.startsWith('text/csv')
  const chunks: Uint8Array[] = []
  let bytes = 0
  let lines = 0
  onProgress({ bytes, rows: csv ? 0 : null, totalRows })
  const reader = res.body?.getReader()
  try {
    if (!reader) {
      const whole = new Uint8Array(await res.arrayBuffer())
      chunks.push(whole)
      bytes = whole.length
      lines = countNewlines(whole)
    } else {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        chunks.push(value)
        bytes += value.length
        if (csv) lines += countNewlines(value)
        onProgress({ bytes, rows: csv ? Math.max(0, lines - 1) : null, totalRows })
      }
    }
  } catch {
    throw new ApiError(0, 'DOWNLOAD_INTERRUPTED')
  }
  onProgress({ bytes, rows: csv ? Math.max(0, lines - 1) : null, totalRows })
  return { blob: new Blob(chunks as BlobPart[], { type }), filename, bytes, totalRows }
}
