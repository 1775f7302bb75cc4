// Inspections (巡检 / 暗访 / 回访), findings, and rectification tasks (整改任务, 短板弱项, 一户一策).
import { http } from './http'
import { upload } from './upload'

export type VisitKind = 'ROUTINE' | 'UNANNOUNCED' | 'FOLLOW_UP'
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH'
export type TaskKind = 'FINDING' | 'WEAK_POINT' | 'HOUSEHOLD_PLAN'
export type TaskStatus = 'OPEN' | 'DONE' | 'VERIFIED'
export const CATEGORIES = ['SANITATION', 'FACILITIES', 'RECORDS', 'DISCLOSURE', 'SHOP', 'OTHER'] as const
export type Category = (typeof CATEGORIES)[number]
export const SEVERITIES: Severity[] = ['HIGH', 'MEDIUM', 'LOW']
export const VISIT_KINDS: VisitKind[] = ['ROUTINE', 'UNANNOUNCED', 'FOLLOW_UP']

export interface FindingForm {
  category: Category
  severity: Severity
  description: string
  owner?: string | null
  deadline?: string | null
}
export interface VisitForm {
  kind: VisitKind
  visitedOn: string
  notes: string
  followsId: number | null
  findings: FindingForm[]
}
export interface Task {
  id: number
  villageId: number
  villageName: string
  townName: string
  kind: TaskKind
  title: string
  detail: string
  householdId: number | null
  householdCode: string | null
  householdHead: string | null
  findingId: number | null
  inspectionId: number | null
  category: Category | null
  severity: Severity | null
  visitedOn: string | null
  owner: string
  ownerUserId: number | null
  deadline: string
  status: TaskStatus
  overdue: boolean
  findingPhoto: boolean
  donePhoto: boolean
  doneNote: string | null
  doneBy: string | null
  doneAt: string | null
  verifiedBy: string | null
  verifiedAt: string | null
  reviewNote: string | null
  reopenedBy: string | null
  reopenedAt: string | null
  createdBy: string
  createdAt: string
}
export interface Finding {
  id: number
  position: number
  category: Category
  severity: Severity
  description: string
  photo: boolean
  task: Task
}
export interface Visit {
  id: number
  villageId: number
  villageName: string
  kind: VisitKind
  visitedOn: string
  level: 'TOWN' | 'DISTRICT'
  inspector: string
  inspectorName: string
  followsId: number | null
  followsVisitedOn: string | null
  notes: string
  findingCount: number
  unverifiedTasks: number
  createdAt: string
  findings: Finding[] | null
}
export interface TaskForm {
  kind: 'WEAK_POINT' | 'HOUSEHOLD_PLAN'
  title: string
  detail: string
  householdId: number | null
  owner: string
  ownerUserId: number | null
  deadline: string | null
}
export interface TaskFilter {
  status?: TaskStatus
  kind?: TaskKind
  overdue?: boolean
}
export interface TaskOwner {
  userId: number
  name: string
  role: string
}
/** The inspection flags the dashboards carry per village. */
export interface InspectionFlags {
  villageId: number
  villageName: string
  openTasks: number
  overdueTasks: number
  lastInspection: string | null
  monthsWithoutInspection: number
}

const photoForm = (file: Blob) => {
  const form = new FormData()
  form.append('file', file, file instanceof File ? file.name : 'photo.jpg')
  return form
}

export const inspectionApi = {
  record: (villageId: number, form: VisitForm, idempotencyKey: string) =>
    http.postOnce<Visit>(`/api/villages/${villageId}/inspections`, form, idempotencyKey),
  visits: (villageId: number) => http.get<Visit[]>(`/api/villages/${villageId}/inspections`),
  visit: (id: number) => http.get<Visit>(`/api/inspections/${id}`),
  findingPhoto: (findingId: number) => http.blob(`/api/findings/${findingId}/photo`),
  addFindingPhoto: (findingId: number, file: Blob) => upload<void>(`/api/findings/${findingId}/photo`, photoForm(file)),

  tasks: (villageId: number, filter: TaskFilter = {}) => http.get<Task[]>(`/api/villages/${villageId}/tasks`, { ...filter }),
  townTasks: (townId: number, filter: TaskFilter = {}) => http.get<Task[]>(`/api/towns/${townId}/tasks`, { ...filter }),
  owners: (villageId: number) => http.get<TaskOwner[]>(`/api/villages/${villageId}/task-owners`),
  createTask: (villageId: number, form: TaskForm, idempotencyKey: string) =>
    http.postOnce<Task>(`/api/villages/${villageId}/tasks`, form, idempotencyKey),
  editTask: (id: number, form: { owner: string; ownerUserId: number | null; deadline: string | null }) =>
    http.put<Task>(`/api/tasks/${id}`, form),
  done: (id: number, note: string) => http.post<Task>(`/api/tasks/${id}/done`, { note }),
  verify: (id: number, note: string) => http.post<Task>(`/api/tasks/${id}/verify`, { note }),
  reopen: (id: number, note: string, deadline: string | null) => http.post<Task>(`/api/tasks/${id}/reopen`, { note, deadline }),
  taskPhoto: (taskId: number) => http.blob(`/api/tasks/${taskId}/photo`),
  addTaskPhoto: (taskId: number, file: Blob) => upload<void>(`/api/tasks/${taskId}/photo`, photoForm(file)),

  /** The flags of one village over months `from`..`to` (YYYY-MM), from its dashboard. */
  villageFlags: (villageId: number, from: string, to: string) =>
    http.get<InspectionFlags>(`/api/villages/${villageId}/dashboard`, { from, to }),
  /** The flags of every village of a town or district, from its dashboard. */
  areaFlags: (scope: 'towns' | 'districts', id: number, from: string, to: string) =>
    http.get<{ villages: InspectionFlags[] }>(`/api/${scope}/${id}/dashboard`, { from, to }).then((d) => d.villages),
}

/** The flags' period: the last 12 months up to this one, as YYYY-MM. */
export function flagMonths(now = new Date()): { from: string; to: string } {
  const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
  return { from: month(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: month(now) }
}
