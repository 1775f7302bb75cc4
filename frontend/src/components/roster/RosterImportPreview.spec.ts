import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import type { ImportResult } from '../../api/roster'
import RosterImportPreview from './RosterImportPreview.vue'

const checked: ImportResult = {
  rows: 3,
  created: 2,
  updated: 0,
  unchanged: 0,
  openingPoints: 0,
  committed: false,
  errors: [
    { row: 4, column: '联系电话', message: '联系电话格式不对' },
    { row: 3, column: '低保户', message: '低保户请填“是”或“否”' },
    { row: 2, column: '', message: '文件里没有数据行' },
  ],
}

function render(result: ImportResult, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(RosterImportPreview, { props: { result }, global: { plugins: [createAppI18n(locale)] } })
}

describe('RosterImportPreview', () => {
  it('should list every error with its row, column and message, in row order', async () => {
    const wrapper = render(checked)

    const cells = () =>
      wrapper.findAll('[data-test="import-errors"] .el-table__body tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    await vi.waitFor(() => expect(cells()[0]?.[0]).toBe('2'))
    expect(cells()).toEqual([
      ['2', '整行', '文件里没有数据行'],
      ['3', '低保户', '低保户请填“是”或“否”'],
      ['4', '联系电话', '联系电话格式不对'],
    ])
    expect(wrapper.find('[data-test="import-errors-title"]').text()).toContain('发现 3 处错误')
    expect(wrapper.find('[data-test="import-errors-title"]').text()).toContain('什么都没有写入')
    expect(wrapper.find('[data-test="import-ok"]').exists()).toBe(false)
  })

  it('should show the counts of a check', () => {
    const wrapper = render(checked)

    expect(wrapper.find('[data-test="count-rows"]').text()).toBe('数据行3')
    expect(wrapper.find('[data-test="count-created"]').text()).toBe('新增2')
  })

  it('should say a clean check has written nothing yet', () => {
    const wrapper = render({ ...checked, errors: [] })

    expect(wrapper.find('[data-test="import-errors"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="import-ok"]').text()).toContain('检查通过')
    expect(wrapper.find('[data-test="import-ok"]').text()).toContain('还没有写入')
  })

  it('should report a committed import with its counts', () => {
    const wrapper = render({ ...checked, errors: [], committed: true, updated: 1 }, 'en')

    expect(wrapper.find('[data-test="import-committed"]').text()).toContain('Imported: 2 new, 1 updated, 0 unchanged')
  })
})
