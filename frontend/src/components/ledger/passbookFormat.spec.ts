import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import { demoLines } from '../../testing/demoData'
import type { PassbookLine } from '../../api/ledger'
import { amountTone, canReverse, dateParts, kindKey, signedPoints } from './passbookFormat'
import PassbookLineList from './PassbookLineList.vue'
import PassbookBalance from './PassbookBalance.vue'

const base: PassbookLine = demoLines[1]

describe('passbook formatting', () => {
  it('should always write the sign of the points', () => {
    expect(signedPoints(10)).toBe('+10')
    expect(signedPoints(-5)).toBe('-5')
    expect(signedPoints(0)).toBe('0')
    expect(signedPoints(12345)).toBe('+12345')
  })

  it('should colour gains and losses differently', () => {
    expect(amountTone(3)).toBe('gain')
    expect(amountTone(-3)).toBe('loss')
    expect(amountTone(0)).toBe('none')
  })

  it('should name every kind the ledger posts, and unknown kinds as other', () => {
    expect(kindKey('ADJUSTMENT')).toBe('ledger.kind.ADJUSTMENT')
    expect(kindKey('REVERSAL')).toBe('ledger.kind.REVERSAL')
    expect(kindKey('SOMETHING_NEW')).toBe('ledger.kind.OTHER')
  })

  it('should read the calendar date as the server wrote it, whatever the browser time zone', () => {
    expect(dateParts('2025-03-05T23:30:00+08:00')).toEqual({ y: 2025, m: 3, d: 5 })
    expect(dateParts('2026-12-31')).toEqual({ y: 2026, m: 12, d: 31 })
    expect(dateParts('not a date')).toBeNull()
  })

  it('should offer reversal only for lines that are neither reversals nor reversed', () => {
    expect(canReverse(base)).toBe(true)
    expect(canReverse({ ...base, kind: 'REVERSAL', reversesTransferId: 7 })).toBe(false)
    expect(canReverse({ ...base, reversedByTransferId: 9 })).toBe(false)
    expect(canReverse({ ...base, kind: 'REFUND', reversesTransferId: 7 })).toBe(false)
  })
})

describe('PassbookLineList', () => {
  it('should show date, reason, kind, signed coloured points and balance after in Chinese', () => {
    const wrapper = mount(PassbookLineList, {
      props: { lines: demoLines },
      global: { plugins: [createAppI18n('zh-CN')] },
    })
    const rows = wrapper.findAll('[data-test="passbook-line"]')
    expect(rows).toHaveLength(4)
    expect(rows[0].text()).toContain('洗衣粉 1 袋')
    expect(rows[0].text()).toContain('2025年3月20日 · 兑换')
    expect(rows[0].find('[data-test="line-amount"]').text()).toBe('-5')
    expect(rows[0].find('[data-test="line-amount"]').classes()).toContain('passbook-lines__amount--loss')
    expect(rows[1].find('[data-test="line-amount"]').text()).toBe('+10')
    expect(rows[1].find('[data-test="line-amount"]').classes()).toContain('passbook-lines__amount--gain')
    expect(rows[1].text()).toContain('余额 40')
    // a line without a reason reads as its kind
    expect(rows[3].text()).toContain('期初')
  })

  it('should mark a reversed line', () => {
    const wrapper = mount(PassbookLineList, {
      props: { lines: [{ ...base, reversedByTransferId: 99 }] },
      global: { plugins: [createAppI18n('zh-CN')] },
    })
    expect(wrapper.text()).toContain('已冲正')
  })
})

describe('PassbookBalance', () => {
  it('should show the balance and the points about to expire with their date', () => {
    const wrapper = mount(PassbookBalance, {
      props: { balance: 35, expiring: { earnedYear: 2024, points: 12, expiresOn: '2025-03-31' } },
      global: { plugins: [createAppI18n('zh-CN')] },
    })
    expect(wrapper.find('[data-test="balance-value"]').text()).toBe('35')
    expect(wrapper.find('[data-test="expiring"]').text()).toBe('还有 12 分将于 2025年3月31日 过期')
  })

  it('should say nothing about expiry when no points expire', () => {
    const wrapper = mount(PassbookBalance, {
      props: { balance: 0, expiring: null },
      global: { plugins: [createAppI18n('en')] },
    })
    expect(wrapper.find('[data-test="expiring"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Points balance')
  })
})
