import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { useHouseholdSearch } from './useHouseholdSearch'
import { installFakeApi } from '../testing/fakeApi'
import { demoRows } from '../testing/demoData'

function pagedBackend() {
  return installFakeApi({
    'GET /api/villages/*/households': (req) => {
      const page = Number(req.query.get('page'))
      const size = Number(req.query.get('size'))
      const q = req.query.get('q') ?? ''
      const rows = demoRows.filter((r) => r.headName.includes(q) || r.code.includes(q))
      return { items: rows.slice(page * size, page * size + size), page, size, total: rows.length }
    },
  })
}

describe('useHouseholdSearch', () => {
  it('should append the next page on a phone list', async () => {
    const api = pagedBackend()
    const list = useHouseholdSearch({ villageId: ref(100), size: 2, append: true })
    await vi.waitFor(() => expect(list.items.value).toHaveLength(2))
    expect(list.hasMore()).toBe(true)

    await list.loadMore()

    expect(list.items.value.map((r) => r.code)).toEqual(['LX-001', 'LX-002', 'LX-003'])
    expect(list.hasMore()).toBe(false)
    expect(api.calls.at(-1)?.query.get('page')).toBe('1')
  })

  it('should replace the rows when a desk table changes page', async () => {
    pagedBackend()
    const table = useHouseholdSearch({ villageId: ref(100), size: 2 })
    await vi.waitFor(() => expect(table.items.value).toHaveLength(2))

    await table.goTo(1)

    expect(table.items.value.map((r) => r.code)).toEqual(['LX-003'])
    expect(table.page.value).toBe(1)
  })

  it('should search by name from the first page and send the group filter', async () => {
    const api = pagedBackend()
    const groupId = ref<number | null>(1000)
    const list = useHouseholdSearch({ villageId: ref(100), groupId, size: 2 })
    await vi.waitFor(() => expect(list.total.value).toBe(3))

    list.q.value = '李四'
    await vi.waitFor(() => expect(list.items.value.map((r) => r.headName)).toEqual(['李四']))

    const last = api.calls.at(-1)
    expect(last?.query.get('q')).toBe('李四')
    expect(last?.query.get('groupId')).toBe('1000')
    expect(last?.query.get('page')).toBe('0')
  })
})
