// The API answers an objection's id only when it is entered, and a batch lists held items
// without it; this computer remembers the ids it entered so that they can be resolved here.
const KEY = 'vp.objections'

function read(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, number>
  } catch {
    return {}
  }
}

export function objectionOf(itemId: number): number | null {
  return read()[String(itemId)] ?? null
}

export function rememberObjection(itemId: number, objectionId: number): void {
  localStorage.setItem(KEY, JSON.stringify({ ...read(), [String(itemId)]: objectionId }))
}

export function forgetObjection(itemId: number): void {
  const all = read()
  delete all[String(itemId)]
  localStorage.setItem(KEY, JSON.stringify(all))
}
