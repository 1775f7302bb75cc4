// Photos need the bearer token, so an <img> cannot fetch them itself: each photo URL (which
// carries the photo's version) is fetched once (the browser's HTTP cache keeps it for a year)
// and handed to <img> as a blob URL, shared by every thumbnail showing it.
import { shopApi } from '../../api/shop'

const MAX_KEPT = 100
const kept = new Map<string, Promise<string>>()

/** A blob URL for the photo at the API URL; rejects when it cannot be loaded. */
export function loadPhoto(url: string): Promise<string> {
  let entry = kept.get(url)
  if (!entry) {
    entry = shopApi.photo(url).then((blob) => URL.createObjectURL(blob))
    entry.catch(() => kept.delete(url))
    kept.set(url, entry)
    if (kept.size > MAX_KEPT) forget(kept.keys().next().value as string)
  }
  return entry
}

/** Releases a photo no longer shown (e.g. replaced). */
export function forget(url: string): void {
  const entry = kept.get(url)
  kept.delete(url)
  void entry?.then((blobUrl) => URL.revokeObjectURL(blobUrl)).catch(() => {})
}

/** For specs: starts from an empty cache. */
export function forgetAll(): void {
  for (const url of [...kept.keys()]) forget(url)
}
