import { http } from './http'
import type { TokenPair } from './tokens'

export type Role =
  | 'DISTRICT_ADMIN'
  | 'TOWN_ADMIN'
  | 'VILLAGE_COMMITTEE'
  | 'GROUP_LEADER'
  | 'SHOP_ATTENDANT'
  | 'VILLAGER'

export interface LoginResponse extends TokenPair {
  token_type: 'Bearer'
  expires_in: number
  username: string
  role: Role
}

export interface Me {
  username: string
  displayName: string | null
  role: Role
  districtId: number | null
  districtName: string | null
  townId: number | null
  townName: string | null
  villageId: number | null
  villageName: string | null
  groupId: number | null
  groupName: string | null
  householdId: number | null
  householdCode: string | null
  householdHeadName: string | null
}

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResponse>('/api/login', { username, password }, false),
  logout: (refreshToken: string) => http.post<void>('/api/logout', { refresh_token: refreshToken }, false),
  me: () => http.get<Me>('/api/me'),
}
