import type { InspectionFlags, Task, Visit } from '../api/inspections'

/** A rectification task of 立新村 (an overdue finding unless overridden). */
export function demoTask(over: Partial<Task> = {}): Task {
  return {
    id: 900,
    villageId: 100,
    villageName: '立新村',
    townName: '正岔街道',
    kind: 'FINDING',
    title: '村口垃圾未清运',
    detail: '',
    householdId: null,
    householdCode: null,
    householdHead: null,
    findingId: 800,
    inspectionId: 700,
    category: 'SANITATION',
    severity: 'HIGH',
    visitedOn: '2025-03-01',
    owner: '村两委',
    ownerUserId: null,
    deadline: '2025-03-08',
    status: 'OPEN',
    overdue: true,
    findingPhoto: false,
    donePhoto: false,
    doneNote: null,
    doneBy: null,
    doneAt: null,
    verifiedBy: null,
    verifiedAt: null,
    reviewNote: null,
    reopenedBy: null,
    reopenedAt: null,
    createdBy: 'zhengcha',
    createdAt: '2025-03-01T10:00:00+08:00',
    ...over,
  }
}

export function demoVisit(over: Partial<Visit> = {}): Visit {
  return {
    id: 700,
    villageId: 100,
    villageName: '立新村',
    kind: 'ROUTINE',
    visitedOn: '2025-03-01',
    level: 'TOWN',
    inspector: 'zhengcha',
    inspectorName: '街道管理员',
    followsId: null,
    followsVisitedOn: null,
    notes: '例行巡检',
    findingCount: 1,
    unverifiedTasks: 1,
    createdAt: '2025-03-01T10:00:00+08:00',
    findings: null,
    ...over,
  }
}

export const demoFlags: InspectionFlags = {
  villageId: 100,
  villageName: '立新村',
  openTasks: 2,
  overdueTasks: 1,
  lastInspection: '2025-03-01',
  monthsWithoutInspection: 3,
}
