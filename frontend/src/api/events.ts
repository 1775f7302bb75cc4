// Event check-in (活动签到): the committee's events with their QR and typed codes, attendance,
// and the batch made from it; villagers check in with the scanned or typed code.
import { http } from './http'

export type EventKind = 'VOLUNTEER' | 'CULTURE' | 'MEETING' | 'OTHER'
export const EVENT_KINDS: EventKind[] = ['VOLUNTEER', 'CULTURE', 'MEETING', 'OTHER']

export interface VillageEvent {
  id: number
  title: string
  kind: EventKind
  ruleId: number | null
  ruleName: string | null
  rulePoints: number | null
  startsAt: string
  endsAt: string
  /** by the server's clock */
  state: 'UPCOMING' | 'OPEN' | 'ENDED'
  /** what the QR code carries: VPE1.<id>.<signature> */
  code: string
  /** 6 digits to type when the camera cannot read the QR code (null for old events) */
  checkInCode: string | null
  attendance: number
  batchId: number | null
  batchStatus: 'DRAFT' | 'NOTICE' | 'POSTED' | null
}

export interface EventForm {
  title: string
  kind: EventKind
  ruleId: number | null
  /** ISO date-times with offset */
  startsAt: string
  endsAt: string
}

export interface Attendance {
  householdId: number
  householdCode: string
  headName: string
  groupName: string
  checkedInAt: string
}

export interface CheckIn {
  eventId: number
  title: string
  householdId: number
  alreadyCheckedIn: boolean
  checkedInAt: string
}

export const eventsApi = {
  list: (villageId: number) => http.get<VillageEvent[]>(`/api/villages/${villageId}/events`),
  create: (villageId: number, form: EventForm) => http.post<VillageEvent>(`/api/villages/${villageId}/events`, form),
  get: (eventId: number) => http.get<VillageEvent>(`/api/events/${eventId}`),
  attendance: (eventId: number) => http.get<Attendance[]>(`/api/events/${eventId}/attendance`),
  qr: (eventId: number) => http.blob(`/api/events/${eventId}/qr.png`),
  toBatch: (eventId: number, ruleId: number | null) => http.post<VillageEvent>(`/api/events/${eventId}/batch`, { ruleId }),
  checkIn: (code: string) => http.post<CheckIn>('/api/events/check-in', { code }),
}
