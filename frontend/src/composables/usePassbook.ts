import { ref, shallowRef, watch, type Ref } from 'vue'
import { ledgerApi, type Expiring, type PassbookLine } from '../api/ledger'

export interface PassbookOptions {
  size?: number
  /** phone lists append pages (infinite scroll); desk tables replace them */
  append?: boolean
}

/** A household's passbook, newest first, with its balance and points about to expire. */
export function usePassbook(householdId: Ref<number | null>, opts: PassbookOptions = {}) {
  const size = opts.size ?? 20
  const lines = shallowRef<PassbookLine[]>([])
  const balance = ref<number | null>(null)
  const expiring = ref<Expiring | null>(null)
  const total = ref(0)
  const page = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  /** every line is loaded */
  const finished = ref(false)
  let seq = 0

  async function load(target: number): Promise<void> {
    const id = householdId.value
    if (id === null) return
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const res = await ledgerApi.passbook(id, { page: target, size })
      if (mine !== seq) return
      lines.value = opts.append && target > 0 ? [...lines.value, ...res.items] : res.items
      balance.value = res.balance
      expiring.value = res.expiring
      total.value = res.total
      page.value = res.page
      finished.value = opts.append ? lines.value.length >= res.total : true
    } catch (err) {
      if (mine === seq) error.value = err
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  const reload = () => load(0)
  const goTo = (target: number) => load(target)
  /** the next page, or the first when nothing is loaded yet */
  const loadMore = () => load(lines.value.length === 0 && balance.value === null ? 0 : page.value + 1)

  watch(
    householdId,
    (id) => {
      lines.value = []
      balance.value = null
      expiring.value = null
      finished.value = false
      if (id !== null) void reload()
    },
    { immediate: true },
  )

  return { size, lines, balance, expiring, total, page, loading, error, finished, reload, goTo, loadMore }
}
