// Files fetched with the bearer token (PDF, templates) are handed to the browser as blob URLs.

/** A blob URL that is released after a while (long enough for a new tab to load it). */
export function blobUrl(blob: Blob, keepMs = 10 * 60_000): string {
  const url = URL.createObjectURL(blob)
  setTimeout(() => URL.revokeObjectURL(url), keepMs)
  return url
}

/** Saves a file under the given name through a temporary download link. */
export function saveBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a')
  link.href = blobUrl(blob, 60_000)
  link.download = filename
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** Opens a URL in a new tab; false when the browser blocked the pop-up. */
export function openInNewTab(url: string): boolean {
  const win = window.open(url, '_blank')
  return win !== null
}
