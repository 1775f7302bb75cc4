// Where the session tokens live. Only the http module and the auth store use this.
const ACCESS_KEY = 'vp.accessToken'
const REFRESH_KEY = 'vp.refreshToken'

export interface TokenPair {
  access_token: string
  refresh_token: string
}

export function accessToken(): string | null {
  return localStorage.getItem(ACCESS_KEY)
}

export function refreshToken(): string | null {
  return localStorage.getItem(REFRESH_KEY)
}

export function saveTokens(pair: TokenPair): void {
  localStorage.setItem(ACCESS_KEY, pair.access_token)
  localStorage.setItem(REFRESH_KEY, pair.refresh_token)
}

export function clearTokens(): void {
  localStorage.removeItem(ACCESS_KEY)
  localStorage.removeItem(REFRESH_KEY)
}
