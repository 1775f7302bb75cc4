// What the counter can scan: a phone redemption code (VPQ1.…) or a printed household card (VP1.…),
// from the camera, a USB scanner (a keyboard that types the code and Enter) or typed by hand.

/** The camera, or a keyboard: a USB scanner or typing by hand. */
export type ScanSource = 'camera' | 'keyboard'

export type ScannedCode =
  | { kind: 'phone'; token: string; householdId: number }
  | { kind: 'card'; payload: string }

/** Scanners and hands add spaces, line breaks and full-width dots; the codes have none of them. */
export function normalizeCode(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, '').replace(/[。．]/g, '.')
}

/**
 * Reads a scanned text. Phone codes carry the household id as their second part (shown to the
 * attendant only; the server checks the signature on redeem). Anything else is taken as a card
 * payload and left to the server to accept or refuse. Empty input is null.
 */
export function parseScan(raw: string): ScannedCode | null {
  const code = normalizeCode(raw)
  if (!code) return null
  if (/^VPQ1\./i.test(code)) {
    const householdId = Number(code.split('.')[1])
    if (Number.isSafeInteger(householdId) && householdId > 0) return { kind: 'phone', token: code, householdId }
    return null
  }
  return { kind: 'card', payload: code }
}

/** The camera sees every QR code in the room: only ours count. */
export function isOurCode(raw: string): boolean {
  return /^VPQ?1\./i.test(normalizeCode(raw))
}

export interface WedgeOptions {
  /** called with the collected text when Enter ends a fast burst of keys */
  onScan: (text: string) => void
  /** a scanner types faster than this between keys; a human does not (default 60 ms) */
  maxGapMs?: number
  /** shorter bursts are ignored (default 6 characters) */
  minLength?: number
  now?: () => number
}

/**
 * A USB scanner types into whatever has the focus. This catches its fast burst of keys ended by
 * Enter even when no input field has the focus; slow typing by a person is not taken as a scan.
 */
export function createWedgeReader(opts: WedgeOptions) {
  const maxGap = opts.maxGapMs ?? 60
  const minLength = opts.minLength ?? 6
  const now = opts.now ?? (() => performance.now())
  let buffer = ''
  let last = -Infinity

  /** Feeds one KeyboardEvent key; true when it completed a scan. */
  function key(k: string): boolean {
    const t = now()
    if (t - last > maxGap) buffer = ''
    last = t
    if (k === 'Enter') {
      const text = buffer
      buffer = ''
      if (text.length >= minLength) {
        opts.onScan(text)
        return true
      }
      return false
    }
    if (k.length === 1) buffer += k
    return false
  }

  return {
    key,
    reset: () => {
      buffer = ''
      last = -Infinity
    },
  }
}
