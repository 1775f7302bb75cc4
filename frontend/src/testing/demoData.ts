import type { Me, Role } from '../api/auth'
import type { GroupSummary, HouseholdDetail, HouseholdRow, Page, VillageSummary } from '../api/region'
import type { Passbook, PassbookLine } from '../api/ledger'

const nobody: Omit<Me, 'username' | 'role' | 'displayName'> = {
  districtId: 1,
  districtName: '江源区',
  townId: null,
  townName: null,
  villageId: null,
  villageName: null,
  groupId: null,
  groupName: null,
  householdId: null,
  householdCode: null,
  householdHeadName: null,
}
const lixin = { townId: 10, townName: '正岔街道', villageId: 100, villageName: '立新村' }

export const demoMe: Record<Role, Me> = {
  DISTRICT_ADMIN: { ...nobody, username: 'district', displayName: '区管理员', role: 'DISTRICT_ADMIN' },
  TOWN_ADMIN: { ...nobody, townId: 10, townName: '正岔街道', username: 'zhengcha', displayName: '街道管理员', role: 'TOWN_ADMIN' },
  VILLAGE_COMMITTEE: { ...nobody, ...lixin, username: 'lixin-committee', displayName: '立新村委会', role: 'VILLAGE_COMMITTEE' },
  GROUP_LEADER: {
    ...nobody, ...lixin, groupId: 1000, groupName: '第一组',
    username: 'lixin-leader', displayName: '十户长王', role: 'GROUP_LEADER',
  },
  SHOP_ATTENDANT: { ...nobody, ...lixin, username: 'lixin-shop', displayName: '超市李', role: 'SHOP_ATTENDANT' },
  VILLAGER: {
    ...nobody, ...lixin, groupId: 1000, groupName: '第一组', householdId: 5000, householdCode: 'LX-001',
    householdHeadName: '张三', username: 'lixin-h001', displayName: '张三', role: 'VILLAGER',
  },
}

export const demoVillages: VillageSummary[] = [
  { id: 100, name: '立新村', townId: 10, townName: '正岔街道', households: 3 },
  { id: 200, name: '爱林村', townId: 20, townName: '城墙街道', households: 2 },
]

export const demoGroups: GroupSummary[] = [
  { id: 1000, name: '第一组', leaderName: '王五', households: 2 },
  { id: 1001, name: '第二组', leaderName: null, households: 1 },
]

export const demoRows: HouseholdRow[] = [
  { id: 5000, code: 'LX-001', headName: '张三', groupId: 1000, groupName: '第一组', memberCount: 4, status: 'ACTIVE', balance: 35 },
  { id: 5001, code: 'LX-002', headName: '李四', groupId: 1000, groupName: '第一组', memberCount: 2, status: 'ACTIVE', balance: 0 },
  { id: 5002, code: 'LX-003', headName: '赵六', groupId: 1001, groupName: '第二组', memberCount: 3, status: 'ACTIVE', balance: 12 },
]

export function demoPage(rows = demoRows): Page<HouseholdRow> {
  return { items: rows, page: 0, size: 20, total: rows.length }
}

export const demoHousehold: HouseholdDetail = {
  id: 5000,
  code: 'LX-001',
  headName: '张三',
  address: '立新村一社 8 号',
  villageId: 100,
  villageName: '立新村',
  groupId: 1000,
  groupName: '第一组',
  members: [
    { name: '张三', relation: 'HEAD' },
    { name: '王芳', relation: 'SPOUSE' },
  ],
  status: 'ACTIVE',
  balance: 35,
  phone: '138****0001',
  lowIncome: null,
  note: null,
}

function line(entryId: number, amount: number, balanceAfter: number, kind: string, reason: string | null, day: string): PassbookLine {
  return {
    entryId,
    transferId: entryId + 100,
    amount,
    balanceAfter,
    kind,
    reason,
    occurredAt: `${day}T10:00:00+08:00`,
    recordedAt: `${day}T10:00:00+08:00`,
    actor: 'lixin-committee',
    reversesTransferId: null,
    reversedByTransferId: null,
  }
}

/** Newest first, as the API sends them. */
export const demoLines: PassbookLine[] = [
  line(4, -5, 35, 'REDEMPTION', '洗衣粉 1 袋', '2025-03-20'),
  line(3, 10, 40, 'ADJUSTMENT', '补录 3 月志愿服务', '2025-03-12'),
  line(2, 20, 30, 'AWARD', '清洁家庭', '2025-03-05'),
  line(1, 10, 10, 'OPENING', null, '2025-01-01'),
]

export function demoPassbook(lines = demoLines, page = 0, size = 20): Passbook {
  return {
    householdId: 5000,
    balance: lines[0]?.balanceAfter ?? 0,
    items: lines.slice(page * size, page * size + size),
    page,
    size,
    total: lines.length,
    expiring: { earnedYear: 2024, points: 10, expiresOn: '2025-12-31' },
  }
}

export function loginReply(role: Role, suffix = '1') {
  return {
    access_token: `access-${suffix}`,
    refresh_token: `refresh-${suffix}`,
    token_type: 'Bearer',
    expires_in: 900,
    username: demoMe[role].username,
    role,
  }
}
