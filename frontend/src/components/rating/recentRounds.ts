// There is no "list rounds" endpoint: this computer remembers the rounds it opened or visited.
export interface RecentRound {
  id: number
  name: string
  villageId: number
}

const KEY = 'vp.ratingRounds'

export function recentRounds(villageId: number): RecentRound[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentRound[]
    return all.filter((r) => r.villageId === villageId)
  } catch {
    return []
  }
}

export function rememberRound(round: RecentRound): void {
  let all: RecentRound[] = []
  try {
    all = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentRound[]
  } catch {
    all = []
  }
  localStorage.setItem(KEY, JSON.stringify([round, ...all.filter((r) => r.id !== round.id)].slice(0, 12)))
}
