import type { Application, Batch, Notice, Rating, RatingRound, RatingSheet, Rule } from '../api/earning'
import type { Attendance, VillageEvent } from '../api/events'

export const demoRules: Rule[] = [
  { id: 1, category: '志愿服务', name: '参加义务劳动', points: 5, capPeriod: 'MONTH', capPoints: 20, evidenceRequired: false, active: true, version: 1, versionId: 1 },
  { id: 2, category: '孝老爱亲', name: '照顾孤寡老人', points: 10, capPeriod: 'NONE', capPoints: null, evidenceRequired: false, active: true, version: 1, versionId: 2 },
  { id: 3, category: '人居环境', name: '焚烧秸秆', points: -5, capPeriod: 'NONE', capPoints: null, evidenceRequired: true, active: true, version: 1, versionId: 3 },
]

export function demoApplication(over: Partial<Application> = {}): Application {
  return {
    id: 900,
    householdId: 5000,
    householdCode: 'LX-001',
    headName: '张三',
    groupName: '第一组',
    ruleId: 1,
    ruleName: '参加义务劳动',
    points: 5,
    occurredOn: '2025-03-02',
    description: '清理河道垃圾',
    progress: 'SUBMITTED',
    returnReason: null,
    submittedAt: '2025-03-02T10:00:00+08:00',
    submittedBy: 'lixin-h001',
    photos: 0,
    ...over,
  }
}

export function demoBatch(over: Partial<Batch> = {}): Batch {
  return {
    id: 40,
    villageId: 100,
    title: '2025年3月评议会',
    meetingDate: '2025-03-05',
    status: 'DRAFT',
    noticeDays: null,
    noticeStartsAt: null,
    noticeEndsAt: null,
    postedAt: null,
    totalPoints: 5,
    items: [
      {
        id: 401, householdId: 5000, householdCode: 'LX-001', headName: '张三', groupName: '第一组', ruleId: 1, ruleVersion: 1,
        ruleName: '参加义务劳动', category: '志愿服务', points: 5, note: '清理河道垃圾', status: 'ACTIVE',
        postedPoints: null, cutPoints: null, cutReason: null,
      },
    ],
    ...over,
  }
}

export const demoNotices: Notice[] = [
  {
    id: 40, villageName: '立新村', title: '2025年3月评议会', meetingDate: '2025-03-05', status: 'NOTICE',
    noticeStartsAt: '2025-03-06T09:00:00+08:00', noticeEndsAt: '2025-03-09T09:00:00+08:00',
    items: [{ name: '张*', groupName: '第一组', category: '志愿服务', rule: '参加义务劳动', points: 5, status: 'ACTIVE' }],
  },
  {
    id: 30, villageName: '立新村', title: '2025年2月评议会', meetingDate: '2025-02-05', status: 'POSTED',
    noticeStartsAt: '2025-02-06T09:00:00+08:00', noticeEndsAt: '2025-02-09T09:00:00+08:00',
    items: [{ name: '赵*', groupName: '第二组', category: '孝老爱亲', rule: '照顾孤寡老人', points: 10, status: 'POSTED' }],
  },
]

export const demoSheet: RatingSheet = {
  areas: [
    { key: 'yard', name: '庭院', weight: 60 },
    { key: 'kitchen', name: '厨房', weight: 40 },
  ],
  bands: [
    { min: 90, stars: 3 },
    { min: 80, stars: 2 },
    { min: 70, stars: 1 },
  ],
  starPoints: { '1': 2, '2': 5, '3': 10 },
  flagBelow: 60,
}

export function demoRating(over: Partial<Rating> = {}): Rating {
  return {
    roundId: 7, roundName: '3月评比', householdId: 5001, householdCode: 'LX-002', headName: '李四', groupName: '第一组',
    scores: { yard: 50, kitchen: 50 }, total: 50, stars: 0, flagged: true, followUpOn: '2025-04-05', note: null,
    inspector: 'lixin-committee', ratedAt: '2025-03-05T10:00:00+08:00', photo: false, ...over,
  }
}

export function demoRound(over: Partial<RatingRound> = {}): RatingRound {
  return {
    id: 7, name: '3月评比', periodStart: '2025-03-01', periodEnd: '2025-03-31', status: 'OPEN', batchId: null,
    households: 3, rated: 1, cleanHouseholdRate: 0, starCounts: { '0': 1 }, flagged: [demoRating()], ...over,
  }
}

export function demoEvent(over: Partial<VillageEvent> = {}): VillageEvent {
  return {
    id: 70, title: '3月志愿服务日', kind: 'VOLUNTEER', ruleId: 1, ruleName: '参加义务劳动', rulePoints: 5,
    startsAt: '2025-03-05T09:00:00+08:00', endsAt: '2025-03-05T11:00:00+08:00', state: 'OPEN',
    code: 'VPE1.70.AbCdEfGhIjKlMnOpQrStUv', checkInCode: '482913', attendance: 1, batchId: null, batchStatus: null, ...over,
  }
}

export const demoAttendance: Attendance[] = [
  { householdId: 5000, householdCode: 'LX-001', headName: '张三', groupName: '第一组', checkedInAt: '2025-03-05T09:12:00+08:00' },
]
