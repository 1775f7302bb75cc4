// The committee's register: ten-household groups, households and their members, PINs.
import { http } from './http'
import type { HouseholdDetail, HouseholdMember } from './region'

export interface GroupForm {
  name: string
  leaderName: string | null
}

export interface HouseholdForm {
  /** required to create; ignored on update */
  code?: string
  headName: string
  groupId: number
  address?: string | null
  phone?: string | null
  lowIncome?: boolean | null
  note?: string | null
  members: HouseholdMember[]
}

/** A new villager PIN, shown once: the server keeps only its hash. */
export interface PinReply {
  username: string
  pin: string
}

export const registerApi = {
  createGroup: (villageId: number, form: GroupForm, idempotencyKey: string) =>
    http.postOnce<{ id: number }>(`/api/villages/${villageId}/groups`, form, idempotencyKey),
  updateGroup: (groupId: number, form: GroupForm) => http.put<{ id: number }>(`/api/groups/${groupId}`, form),
  createHousehold: (villageId: number, form: HouseholdForm, idempotencyKey: string) =>
    http.postOnce<HouseholdDetail>(`/api/villages/${villageId}/households`, form, idempotencyKey),
  updateHousehold: (householdId: number, form: HouseholdForm) =>
    http.put<HouseholdDetail>(`/api/households/${householdId}`, form),
  move: (householdId: number, groupId: number) =>
    http.post<HouseholdDetail>(`/api/households/${householdId}/move`, { groupId }),
  archive: (householdId: number) => http.post<HouseholdDetail>(`/api/households/${householdId}/archive`),
  resetPin: (householdId: number) => http.post<PinReply>(`/api/households/${householdId}/pin`),
}
