import { regionApi, type HouseholdRow } from '../../api/region'

/** Every household of a village (or group), page by page at the API's largest page size. */
export async function allHouseholds(villageId: number, groupId?: number | null): Promise<HouseholdRow[]> {
  const size = 200
  const out: HouseholdRow[] = []
  for (let page = 0; page < 50; page++) {
    const res = await regionApi.households(villageId, { groupId: groupId ?? undefined, page, size })
    out.push(...res.items)
    if (res.items.length < size || out.length >= res.total) break
  }
  return out
}
