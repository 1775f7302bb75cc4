// 九有六无: checklist, yearly self-checks and their review, ranking rounds (擂台赛), sampling.
import { http, request } from './http'
import { upload } from './upload'

export type ItemKind = 'YOU' | 'WU'
export type FigureLink = 'PARTICIPATION_RATE' | 'CLEAN_HOUSEHOLD_RATE' | 'POINTS_PER_HOUSEHOLD' | 'NOTICE_EVERY_MONTH'

export interface ItemForm {
  kind: ItemKind
  position: number
  title: string
  description: string
  evidence: string
  weight: number
  link: FigureLink | null
  threshold: number | null
}
export interface ChecklistItem extends ItemForm {
  id: number
}
export interface Suggestion {
  figure: FigureLink
  value: number
  threshold: number | null
  meets: boolean
  text: string
}
export interface Answer {
  id: number
  itemId: number
  kind: ItemKind
  position: number
  title: string
  description: string
  evidence: string
  weight: number
  link: FigureLink | null
  met: boolean | null
  note: string
  townAgrees: boolean | null
  townNote: string
  photoIds: number[]
  suggestion: Suggestion | null
  counted: boolean | null
}
export type SelfCheckStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'
export interface SelfCheck {
  id: number
  villageId: number
  villageName: string
  year: number
  status: SelfCheckStatus
  score: number | null
  maxScore: number
  formula: string
  reviewNote: string | null
  answers: Answer[]
}
export interface SelfCheckSummary {
  id: number
  villageId: number
  villageName: string
  townName: string
  year: number
  status: SelfCheckStatus
  score: number | null
  maxScore: number | null
}
export interface Weights {
  selfCheck: number
  participation: number
  cleanHousehold: number
  pointsPerHousehold: number
  inspection: number
}
export interface RankingRound {
  id: number
  name: string
  fromMonth: string
  toMonth: string
  year: number
  weights: Weights
  championVillageId: number | null
  championVillageName: string | null
  villageIds: number[]
}
export interface RankingRow {
  rank: number
  villageId: number
  villageName: string
  townName: string
  selfCheckScore: number | null
  selfCheckMax: number | null
  participationRate: number
  cleanHouseholdRate: number | null
  pointsPerHousehold: number
  /** inspection penalty points of the round (see the formula); null when not available */
  inspection: number | null
  normalised: Weights
  total: number
}
export interface Ranking {
  round: RankingRound
  formula: string
  inspectionAvailable: boolean
  rows: RankingRow[]
}
export interface SampleResult {
  villageId: number
  villageName: string
  townName: string
  position: number
  result: 'PENDING' | 'PASSED' | 'FAILED'
  note: string
}
export interface Sample {
  id: number
  year: number
  seed: number
  percent: number
  candidates: number[]
  drawn: number[]
  algorithm: string
  createdAt: string
  results: SampleResult[]
}
export interface Redraw {
  seed: number
  recorded: number[]
  recomputed: number[]
  matches: boolean
}

export interface ReviewItem {
  answerId: number
  agree: boolean
  note: string
}

const d = (id: number) => `/api/districts/${id}`

export const standardApi = {
  items: (districtId: number) => http.get<ChecklistItem[]>(`${d(districtId)}/standard-items`),
  createItem: (districtId: number, form: ItemForm) => http.post<ChecklistItem>(`${d(districtId)}/standard-items`, form),
  updateItem: (id: number, form: ItemForm) => http.put<ChecklistItem>(`/api/standard-items/${id}`, form),
  retireItem: (id: number) => request<void>('DELETE', `/api/standard-items/${id}`),

  openSelfCheck: (villageId: number, year: number) => http.post<SelfCheck>(`/api/villages/${villageId}/self-checks`, { year }),
  selfCheck: (id: number) => http.get<SelfCheck>(`/api/self-checks/${id}`),
  answer: (id: number, answerId: number, met: boolean, note: string) =>
    http.put<SelfCheck>(`/api/self-checks/${id}/answers/${answerId}`, { met, note }),
  addPhoto: (id: number, answerId: number, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return upload<{ id: number }>(`/api/self-checks/${id}/answers/${answerId}/photos`, form)
  },
  photo: (photoId: number) => http.blob(`/api/self-check-photos/${photoId}`),
  submit: (id: number) => http.post<SelfCheck>(`/api/self-checks/${id}/submit`),
  townQueue: (townId: number, status?: string) => http.get<SelfCheckSummary[]>(`/api/towns/${townId}/self-checks`, { status }),
  review: (id: number, decision: 'APPROVE' | 'RETURN', note: string, items: ReviewItem[]) =>
    http.post<SelfCheck>(`/api/self-checks/${id}/review`, { decision, note, items }),

  rounds: (districtId: number) => http.get<RankingRound[]>(`${d(districtId)}/ranking-rounds`),
  createRound: (districtId: number, form: { name: string; fromMonth: string; toMonth: string; villageIds: number[]; weights: Weights }) =>
    http.post<Ranking>(`${d(districtId)}/ranking-rounds`, form),
  ranking: (districtId: number, roundId?: number) => http.get<Ranking>(`${d(districtId)}/ranking`, { roundId }),
  rankingCsv: (districtId: number, roundId: number) => http.blob(`${d(districtId)}/ranking.csv`, { roundId }),
  champion: (districtId: number, roundId: number, villageId: number) =>
    http.put<RankingRound>(`${d(districtId)}/ranking-rounds/${roundId}/champion`, { villageId }),

  demonstration: (districtId: number, year: number) => http.get<number[]>(`${d(districtId)}/demonstration-villages`, { year }),
  setDemonstration: (districtId: number, year: number, villageIds: number[]) =>
    request<number[]>('PUT', `${d(districtId)}/demonstration-villages`, { query: { year }, body: { villageIds } }),
  samples: (districtId: number) => http.get<Sample[]>(`${d(districtId)}/samples`),
  draw: (districtId: number, year: number, percent: number, seed: number | null) =>
    http.post<Sample>(`${d(districtId)}/samples`, { year, percent, seed }),
  redraw: (districtId: number, sampleId: number) => http.get<Redraw>(`${d(districtId)}/samples/${sampleId}/redraw`),
  record: (districtId: number, sampleId: number, villageId: number, result: string, note: string) =>
    http.put<Sample>(`${d(districtId)}/samples/${sampleId}/results/${villageId}`, { result, note }),
}
