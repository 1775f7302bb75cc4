// What a villager can hand to check-in: the event's QR code (VPE1.…) from the camera, or the
// 6 digits typed from the screen (spaces and full-width digits allowed).
import { normalizeCode } from '../redemption/scanCode'

/** The camera sees every QR code in the room: only event codes count. */
export function isEventCode(raw: string): boolean {
  return /^VPE1\.\d+\.\S+$/.test(normalizeCode(raw))
}

/** The typed code as the server takes it, or null when it is not 6 digits. */
export function typedCode(raw: string): string | null {
  const digits = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000-]+/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}
