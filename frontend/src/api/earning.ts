// Earning points: the rule catalogue, applications (申报) and the first check (初审), meeting
// batches (评议) with public notice (公示) and objections, and clean-home rating rounds.
import { http, request } from './http'
import { upload } from './upload'

export type CapPeriod = 'NONE' | 'MONTH' | 'QUARTER' | 'YEAR'

export interface Rule {
  id: number
  category: string
  name: string
  /** negative for a deduction (扣分) */
  points: number
  capPeriod: CapPeriod
  capPoints: number | null
  evidenceRequired: boolean
  active: boolean
  version: number
  versionId: number
}

export type ApplicationProgress = 'SUBMITTED' | 'CHECKED' | 'AT_MEETING' | 'IN_NOTICE' | 'POSTED' | 'RETURNED' | 'DROPPED'

export interface Application {
  id: number
  householdId: number
  householdCode: string
  headName: string
  groupName: string
  ruleId: number
  ruleName: string
  points: number
  /** YYYY-MM-DD */
  occurredOn: string
  description: string
  progress: ApplicationProgress
  returnReason: string | null
  submittedAt: string
  submittedBy: string
  photos: number
}

export interface ApplicationForm {
  ruleId: number
  occurredOn: string
  description: string
}

export type BatchStatus = 'DRAFT' | 'NOTICE' | 'POSTED'
export type ItemStatus = 'ACTIVE' | 'HELD' | 'DROPPED' | 'POSTED'

export interface BatchItem {
  id: number
  householdId: number
  householdCode: string
  headName: string
  groupName: string
  ruleId: number
  ruleVersion: number
  ruleName: string
  category: string
  points: number
  note: string | null
  status: ItemStatus
  postedPoints: number | null
  cutPoints: number | null
  cutReason: string | null
  /** The unresolved objection holding the item, whoever entered it. */
  openObjectionId?: number | null
}

export interface Batch {
  id: number
  villageId: number
  title: string
  meetingDate: string
  status: BatchStatus
  noticeDays: number | null
  noticeStartsAt: string | null
  noticeEndsAt: string | null
  postedAt: string | null
  totalPoints: number
  items: BatchItem[]
}

export interface BatchFormItem {
  householdId: number
  ruleId: number
  note?: string
  evidence?: string
  /** ISO date-time of the deed; the meeting date when absent */
  occurredAt?: string
  /** a CHECKED application of the same household and rule */
  applicationId?: number
}

export interface BatchForm {
  title: string
  meetingDate: string
  attendees?: string
  items: BatchFormItem[]
}

export interface NoticeLine {
  /** masked head name, e.g. 张*明 */
  name: string
  groupName: string
  category: string
  rule: string
  points: number
  status: ItemStatus
}

export interface Notice {
  id: number
  villageName: string
  title: string
  meetingDate: string
  status: 'NOTICE' | 'POSTED'
  noticeStartsAt: string | null
  noticeEndsAt: string | null
  items: NoticeLine[]
}

export interface RatingSheet {
  areas: { key: string; name: string; weight: number }[]
  bands: { min: number; stars: number }[]
  starPoints: Record<string, number>
  flagBelow: number
}

export interface Rating {
  roundId: number
  roundName: string
  householdId: number
  householdCode: string
  headName: string
  groupName: string
  scores: Record<string, number>
  total: number
  stars: number
  flagged: boolean
  followUpOn: string | null
  note: string | null
  inspector: string
  ratedAt: string
  /** a photo is attached (earningApi.ratingPhoto) */
  photo: boolean
}

export interface RatingRound {
  id: number
  name: string
  periodStart: string
  periodEnd: string
  status: 'OPEN' | 'CLOSED'
  batchId: number | null
  households: number
  rated: number
  /** 0..1 */
  cleanHouseholdRate: number
  starCounts: Record<string, number>
  flagged: Rating[]
}

export interface AwardPolicy {
  /** days of public notice; 0 posts at approval */
  noticeDays: number
  /** the meeting screen flags a household whose batch total is more than this many times the median */
  unusualMultiple: number
}

export interface RateForm {
  scores: Record<string, number>
  note?: string
  followUpOn?: string
}

export const earningApi = {
  rules: (villageId: number) => http.get<Rule[]>(`/api/villages/${villageId}/rules`),

  apply: (householdId: number, form: ApplicationForm) =>
    http.post<Application>(`/api/households/${householdId}/applications`, form),
  addPhoto: (applicationId: number, file: File) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return upload<void>(`/api/applications/${applicationId}/photos`, form)
  },
  householdApplications: (householdId: number) => http.get<Application[]>(`/api/households/${householdId}/applications`),
  villageApplications: (villageId: number, status?: 'SUBMITTED' | 'CHECKED' | 'RETURNED' | 'AT_MEETING') =>
    http.get<Application[]>(`/api/villages/${villageId}/applications`, { status }),
  check: (applicationId: number, decision: 'PASS' | 'RETURN', reason?: string) =>
    http.post<Application>(`/api/applications/${applicationId}/check`, { decision, reason }),

  batches: (villageId: number) => http.get<Batch[]>(`/api/villages/${villageId}/award-batches`),
  batch: (batchId: number) => http.get<Batch>(`/api/award-batches/${batchId}`),
  createBatch: (villageId: number, form: BatchForm, idempotencyKey: string) =>
    http.postOnce<Batch>(`/api/villages/${villageId}/award-batches`, form, idempotencyKey),
  approve: (batchId: number) => http.post<Batch>(`/api/award-batches/${batchId}/approve`),
  object: (itemId: number, reason: string) => http.post<{ id: number }>(`/api/award-items/${itemId}/objections`, { reason }),
  resolve: (objectionId: number, resolution: 'KEEP' | 'DROP') =>
    http.post<Batch>(`/api/award-objections/${objectionId}/resolve`, { resolution }),

  policy: (villageId: number) => http.get<AwardPolicy>(`/api/villages/${villageId}/policy`),
  setPolicy: (villageId: number, policy: AwardPolicy) => http.put<AwardPolicy>(`/api/villages/${villageId}/policy`, policy),

  /** the public notice board: no login, never a token */
  notices: (villageId: number) => request<Notice[]>('GET', `/api/public/villages/${villageId}/notices`, { auth: false }),

  ratingSheet: (villageId: number) => http.get<RatingSheet>(`/api/villages/${villageId}/rating-sheet`),
  openRound: (villageId: number, form: { name: string; periodStart: string; periodEnd: string }) =>
    http.post<RatingRound>(`/api/villages/${villageId}/rating-rounds`, form),
  round: (roundId: number) => http.get<RatingRound>(`/api/rating-rounds/${roundId}`),
  roundRatings: (roundId: number) => http.get<Rating[]>(`/api/rating-rounds/${roundId}/ratings`),
  rate: (roundId: number, householdId: number, form: RateForm) =>
    http.put<Rating>(`/api/rating-rounds/${roundId}/ratings/${householdId}`, form),
  closeRound: (roundId: number) => http.post<RatingRound>(`/api/rating-rounds/${roundId}/close`),
  addRatingPhoto: (roundId: number, householdId: number, file: File) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return upload<void>(`/api/rating-rounds/${roundId}/ratings/${householdId}/photo`, form)
  },
  ratingPhoto: (roundId: number, householdId: number) => http.blob(`/api/rating-rounds/${roundId}/ratings/${householdId}/photo`),
  householdRatings: (householdId: number) => http.get<Rating[]>(`/api/households/${householdId}/ratings`),
}
