import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import RedemptionScanner from './RedemptionScanner.vue'

function mountScanner(active = true) {
  return mount(RedemptionScanner, { props: { active }, global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body })
}

function burst(text: string): void {
  for (const key of [...text, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key }))
}

describe('the counter scanner', () => {
  it('should hand over a typed card number when Enter is pressed', async () => {
    const wrapper = mountScanner()
    await wrapper.find('[data-test="scan-input"]').setValue('  VP1.ABCDEFGHJKLM.sig \n')
    await wrapper.find('[data-test="scan-form"]').trigger('submit')

    expect(wrapper.emitted('scan')).toEqual([['VP1.ABCDEFGHJKLM.sig', 'keyboard']])
    expect((wrapper.find('[data-test="scan-input"]').element as HTMLInputElement).value).toBe('')
  })

  it('should ignore Enter on an empty field', async () => {
    const wrapper = mountScanner()
    await wrapper.find('[data-test="scan-form"]').trigger('submit')
    expect(wrapper.emitted('scan')).toBeUndefined()
  })

  it('should catch a USB scanner even when no field has the focus', () => {
    const wrapper = mountScanner()
    burst('VPQ1.31.1795981159.nonce123.sig')
    expect(wrapper.emitted('scan')).toEqual([['VPQ1.31.1795981159.nonce123.sig', 'keyboard']])
  })

  it('should not scan while a customer is being served', () => {
    const wrapper = mountScanner(false)
    burst('VPQ1.31.1795981159.nonce123.sig')
    expect(wrapper.emitted('scan')).toBeUndefined()
  })

  it('should say so when this device has no camera, and still take the scanner', async () => {
    const wrapper = mountScanner()
    await flushPromises()
    expect(wrapper.find('[data-test="camera-note"]').text()).toContain('扫码枪')
    expect(wrapper.find('[data-test="scan-input"]').exists()).toBe(true)
  })
})
