import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { createAppI18n } from '../../i18n'
import DashboardPeriodPicker from './DashboardPeriodPicker.vue'
import { useDashboardPeriod } from './useDashboardPeriod'

// A page as the dashboards build it: the period comes from the address and the picker changes it.
const Page = defineComponent({
  setup() {
    const { period, today, setPeriod } = useDashboardPeriod()
    return () =>
      h('div', [
        h('output', { 'data-test': 'shown' }, `${period.value.from}/${period.value.to}`),
        h(DashboardPeriodPicker, { modelValue: period.value, today, 'onUpdate:modelValue': setPeriod }),
      ])
  },
})

async function openAt(path: string): Promise<{ router: Router; wrapper: ReturnType<typeof mount> }> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/d', component: Page }] })
  await router.push(path)
  await router.isReady()
  const wrapper = mount({ render: () => h('div', [h(Page)]) }, { global: { plugins: [router, createAppI18n('zh-CN')] } })
  await flushPromises()
  return { router, wrapper }
}

const active = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('.el-radio-button.is-active').map((b) => b.attributes('data-test'))

describe('the period picker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-05-20T10:00:00+08:00'))
  })
  afterEach(() => vi.useRealTimers())

  it('should write this month into an address without a period, so that a copied link names it', async () => {
    const { router, wrapper } = await openAt('/d')
    expect(router.currentRoute.value.query).toEqual({ from: '2026-05', to: '2026-05' })
    expect(active(wrapper)).toEqual(['period-thisMonth'])
  })

  it('should show the period of the address and which preset it is', async () => {
    const { wrapper } = await openAt('/d?from=2026-04&to=2026-06')
    expect(wrapper.find('[data-test="shown"]').text()).toBe('2026-04/2026-06')
    expect(active(wrapper)).toEqual(['period-thisQuarter'])
  })

  it('should mark no preset for a custom range and show its months in the month picker', async () => {
    const { wrapper } = await openAt('/d?from=2025-11&to=2026-02')
    expect(active(wrapper)).toEqual([])
    const inputs = wrapper.findAll('[data-test="period-months"] input, .el-range-input')
    expect(inputs.map((i) => (i.element as HTMLInputElement).value)).toContain('2025-11')
  })

  it('should put the preset chosen into the address', async () => {
    const { router, wrapper } = await openAt('/d')
    await wrapper.find('[data-test="period-lastMonth"] input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ from: '2026-04', to: '2026-04' })
    expect(wrapper.find('[data-test="shown"]').text()).toBe('2026-04/2026-04')
    await wrapper.find('[data-test="period-thisYear"] input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ from: '2026-01', to: '2026-12' })
  })

  it('should put the months chosen in the month picker into the address', async () => {
    const { router, wrapper } = await openAt('/d')
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2025-10', '2026-03'])
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ from: '2025-10', to: '2026-03' })
    await nextTick()
    expect(active(wrapper)).toEqual([])
  })

  it('should follow the address when it changes (back button, pasted link)', async () => {
    const { router, wrapper } = await openAt('/d?from=2026-05&to=2026-05')
    await router.push('/d?from=2026-01&to=2026-12')
    await flushPromises()
    expect(wrapper.find('[data-test="shown"]').text()).toBe('2026-01/2026-12')
    expect(active(wrapper)).toEqual(['period-thisYear'])
  })
})
