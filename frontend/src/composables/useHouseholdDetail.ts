import { watch, type Ref } from 'vue'
import { regionApi, type HouseholdDetail } from '../api/region'
import { useAsyncData } from './useAsyncData'

/** Loads one household's file whenever the id changes to a non-null value. */
export function useHouseholdDetail(householdId: Ref<number | null>) {
  const state = useAsyncData<HouseholdDetail | null>(
    async () => (householdId.value === null ? null : regionApi.household(householdId.value)),
    false,
  )
  watch(
    householdId,
    (id) => {
      if (id !== null) void state.reload()
    },
    { immediate: true },
  )
  return state
}
