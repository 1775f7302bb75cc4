import { describe, expect, it } from 'vitest'
import { isEventCode, typedCode } from './checkInCode'

describe('check-in codes', () => {
  it('should take only event QR codes from the camera', () => {
    expect(isEventCode('VPE1.12.AbCdEfGhIjKlMnOpQrStUv')).toBe(true)
    expect(isEventCode(' VPE1。12。abc ')).toBe(true)
    expect(isEventCode('VPQ1.31.1795981159.nonce.sig')).toBe(false)
    expect(isEventCode('https://example.org')).toBe(false)
  })

  it('should read six typed digits with spaces or full-width digits', () => {
    expect(typedCode('123 456')).toBe('123456')
    expect(typedCode('１２３４５６')).toBe('123456')
    expect(typedCode('12345')).toBeNull()
    expect(typedCode('12a456')).toBeNull()
  })
})
