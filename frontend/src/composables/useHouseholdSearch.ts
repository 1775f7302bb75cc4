import { ref, shallowRef, watch, type Ref } from 'vue'
import { regionApi, type HouseholdRow } from '../api/region'

export interface HouseholdSearchOptions {
  villageId: Ref<number | null>
  groupId?: Ref<number | null>
  size?: number
  /** phone lists append pages ("load more"); desk tables replace them. */
  append?: boolean
}

/** Search, filter and page through the households of one village. */
export function useHouseholdSearch(opts: HouseholdSearchOptions) {
  const size = opts.size ?? 20
  const q = ref('')
  const page = ref(0)
  const items = shallowRef<HouseholdRow[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let seq = 0

  async function load(target: number): Promise<void> {
    const villageId = opts.villageId.value
    if (villageId === null) return
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const res = await regionApi.households(villageId, {
        q: q.value.trim() || undefined,
        groupId: opts.groupId?.value ?? undefined,
        page: target,
        size,
      })
      if (mine !== seq) return
      items.value = opts.append && target > 0 ? [...items.value, ...res.items] : res.items
      page.value = res.page
      total.value = res.total
    } catch (err) {
      if (mine === seq) error.value = err
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  const search = () => load(0)
  const goTo = (target: number) => load(target)
  const loadMore = () => load(page.value + 1)
  const hasMore = () => items.value.length < total.value

  let timer: ReturnType<typeof setTimeout> | undefined
  watch(q, () => {
    clearTimeout(timer)
    timer = setTimeout(search, 300)
  })
  watch([opts.villageId, () => opts.groupId?.value], search, { immediate: true })

  return { q, page, size, items, total, loading, error, search, goTo, loadMore, hasMore }
}
