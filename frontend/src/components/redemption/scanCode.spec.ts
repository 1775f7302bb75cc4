import { describe, expect, it } from 'vitest'
import { createWedgeReader, isOurCode, normalizeCode, parseScan } from './scanCode'

describe('reading a scanned code', () => {
  it('should read a phone code and the household id in it', () => {
    expect(parseScan('VPQ1.31.1795981159.4ZMdr9YzpdPWwVyS.OoplBBeiuL0qk3V3Am0tPc')).toEqual({
      kind: 'phone',
      token: 'VPQ1.31.1795981159.4ZMdr9YzpdPWwVyS.OoplBBeiuL0qk3V3Am0tPc',
      householdId: 31,
    })
  })

  it('should take anything else as a card payload for the server to judge', () => {
    expect(parseScan('VP1.ABCDEFGHJKLM.0123456789abcdef')).toEqual({ kind: 'card', payload: 'VP1.ABCDEFGHJKLM.0123456789abcdef' })
    expect(parseScan('12345')).toEqual({ kind: 'card', payload: '12345' })
  })

  it('should drop the spaces, line breaks and full-width dots that scanners and hands add', () => {
    expect(normalizeCode(' VP1。ABCD EFGH\r\n')).toBe('VP1.ABCDEFGH')
    expect(parseScan('  \n')).toBeNull()
  })

  it('should refuse a phone code without a household id', () => {
    expect(parseScan('VPQ1.x.1.2.3')).toBeNull()
  })

  it('should let the camera take only our codes', () => {
    expect(isOurCode('VP1.ABC.def')).toBe(true)
    expect(isOurCode('VPQ1.1.2.3.4')).toBe(true)
    expect(isOurCode('https://example.org/wechat')).toBe(false)
  })
})

describe('a USB scanner typing like a keyboard', () => {
  function reader() {
    let clock = 0
    const scans: string[] = []
    const wedge = createWedgeReader({ onScan: (text) => scans.push(text), now: () => clock })
    const type = (text: string, gapMs: number) => {
      for (const key of [...text, 'Enter']) {
        clock += gapMs
        wedge.key(key)
      }
    }
    return { wedge, scans, type, wait: (ms: number) => (clock += ms) }
  }

  it('should take a fast burst of keys ended by Enter as one scan', () => {
    const r = reader()
    r.type('VP1.ABCDEFGHJKLM.sig', 5)
    expect(r.scans).toEqual(['VP1.ABCDEFGHJKLM.sig'])
  })

  it('should not take slow typing by a person as a scan', () => {
    const r = reader()
    r.type('VP1.ABCDEFGHJKLM.sig', 200)
    expect(r.scans).toEqual([])
  })

  it('should ignore short bursts and keys like Shift', () => {
    const r = reader()
    r.type('12', 5)
    r.wedge.key('Shift')
    expect(r.scans).toEqual([])
  })

  it('should start afresh after a pause, so stray keys do not stick to the next scan', () => {
    const r = reader()
    r.wedge.key('x')
    r.wait(1000)
    r.type('VPQ1.5.6.7.8', 5)
    expect(r.scans).toEqual(['VPQ1.5.6.7.8'])
  })
})
