import { http } from './http'

export interface VillageSummary {
  id: number
  name: string
  townId: number
  townName: string
  households: number
  /** short name used in public addresses such as the notice board */
  slug?: string
}

export interface GroupSummary {
  id: number
  name: string
  leaderName: string | null
  households: number
}

export interface HouseholdRow {
  id: number
  code: string
  headName: string
  groupId: number | null
  groupName: string | null
  memberCount: number
  status?: HouseholdStatus
  balance?: number
}

export type HouseholdStatus = 'ACTIVE' | 'ARCHIVED'

/** Relation of a member to the household head, as the API sends it. */
export type Relation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'CHILD_IN_LAW' | 'PARENT' | 'GRANDCHILD' | 'SIBLING' | 'OTHER'
export const RELATIONS: Relation[] = ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER']

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface HouseholdMember {
  name: string
  /** a Relation code */
  relation: Relation | string
}

export interface HouseholdDetail {
  id: number
  code: string
  headName: string
  address: string | null
  villageId: number
  villageName: string
  groupId: number | null
  groupName: string | null
  members: HouseholdMember[]
  status?: HouseholdStatus
  balance?: number
  /** stars of the latest clean-home rating, null when never rated */
  stars?: number | null
  /** masked unless the caller is the committee */
  phone?: string | null
  /** null unless the caller is the committee */
  lowIncome?: boolean | null
  note?: string | null
}

export interface HouseholdQuery {
  groupId?: number | null
  q?: string
  /** 0-based */
  page?: number
  size?: number
}

export const regionApi = {
  villages: () => http.get<VillageSummary[]>('/api/villages'),
  groups: (villageId: number) => http.get<GroupSummary[]>(`/api/villages/${villageId}/groups`),
  households: (villageId: number, query: HouseholdQuery = {}) =>
    http.get<Page<HouseholdRow>>(`/api/villages/${villageId}/households`, { ...query }),
  household: (id: number) => http.get<HouseholdDetail>(`/api/households/${id}`),
}
