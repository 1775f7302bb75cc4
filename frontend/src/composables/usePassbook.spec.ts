import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { usePassbook } from './usePassbook'
import { installFakeApi } from '../testing/fakeApi'
import { demoLines, demoPassbook } from '../testing/demoData'

function pagedPassbook() {
  return installFakeApi({
    'GET /api/households/*/entries': (req) =>
      demoPassbook(demoLines, Number(req.query.get('page')), Number(req.query.get('size'))),
  })
}

describe('usePassbook', () => {
  it('should append pages on a phone until every line is loaded', async () => {
    const api = pagedPassbook()
    const book = usePassbook(ref(5000), { size: 3, append: true })
    await vi.waitFor(() => expect(book.lines.value).toHaveLength(3))
    expect(book.balance.value).toBe(35)
    expect(book.expiring.value?.points).toBe(10)
    expect(book.finished.value).toBe(false)

    await book.loadMore()

    expect(book.lines.value.map((l) => l.entryId)).toEqual([4, 3, 2, 1])
    expect(book.finished.value).toBe(true)
    expect(api.calls.map((c) => c.query.get('page'))).toEqual(['0', '1'])
    expect(api.calls[0].path).toBe('/api/households/5000/entries')
  })

  it('should replace the lines when a desk table changes page, and start again for another household', async () => {
    const api = pagedPassbook()
    const id = ref<number | null>(5000)
    const book = usePassbook(id, { size: 3 })
    await vi.waitFor(() => expect(book.lines.value).toHaveLength(3))

    await book.goTo(1)
    expect(book.lines.value.map((l) => l.entryId)).toEqual([1])

    id.value = 5001
    await vi.waitFor(() => expect(api.calls.at(-1)?.path).toBe('/api/households/5001/entries'))
    expect(api.calls.at(-1)?.query.get('page')).toBe('0')
  })
})
