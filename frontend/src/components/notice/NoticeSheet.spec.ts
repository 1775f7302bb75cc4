import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../i18n'
import type { Notice } from '../../api/earning'
import NoticeSheet from './NoticeSheet.vue'
import { noticeRows, signedPoints, splitNotices } from './noticeBoard'

const notice: Notice = {
  id: 3,
  villageName: '立新村',
  title: '2025年3月评议会',
  meetingDate: '2025-03-05',
  status: 'NOTICE',
  noticeStartsAt: '2025-03-06T09:30:00+08:00',
  noticeEndsAt: '2025-03-09T09:30:00+08:00',
  items: [
    { name: '张*明', groupName: '第1组', category: '志愿服务', rule: '参加义务劳动', points: 5, status: 'ACTIVE' },
    { name: '李*', groupName: '第2组', category: '人居环境', rule: '焚烧秸秆', points: -5, status: 'HELD' },
  ],
}

function render(n: Notice, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(NoticeSheet, { props: { notice: n }, global: { plugins: [createAppI18n(locale)] } })
}

describe('notice sheet', () => {
  it('should show the masked names, groups, items and signed points as the table rows', () => {
    const rows = render(notice).findAll('[data-test="notice-row"]').map((r) => r.findAll('td').map((td) => td.text()))
    expect(rows).toEqual([
      ['张*明', '第1组', '参加义务劳动', '+5'],
      ['李*', '第2组', '焚烧秸秆 （有异议，暂缓）', '−5'],
    ])
  })

  it('should show the village, title, notice period and the total', () => {
    const text = render(notice).text()
    expect(text).toContain('立新村')
    expect(text).toContain('2025年3月评议会')
    expect(text).toContain('公示期：2025年3月6日 至 2025年3月9日')
    expect(text).toContain('公示中')
    expect(text).toMatch(/共 2 条\s*0/)
    expect(text).toContain('如有异议')
  })

  it('should read in English too, without the objection hint once posted', () => {
    const text = render({ ...notice, status: 'POSTED' }, 'en').text()
    expect(text).toContain('Notice: 3/6/2025 to 3/9/2025')
    expect(text).toContain('Posted')
    expect(text).not.toContain('Objections go to')
  })

  it('should put current notices before past ones', () => {
    const posted = { ...notice, id: 1, status: 'POSTED' as const }
    const { current, past } = splitNotices([posted, notice])
    expect(current.map((n) => n.id)).toEqual([3])
    expect(past.map((n) => n.id)).toEqual([1])
    expect(signedPoints(0)).toBe('0')
    expect(noticeRows(notice.items)[1].held).toBe(true)
  })
})
