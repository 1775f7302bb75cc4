import { describe, expect, it } from 'vitest'
import { readSourceText } from './readSource'

const t = (key: string, values?: Record<string, unknown>) => `${key}:${values?.s ?? ''}`

describe('readSourceText', () => {
  it('says nothing without a replica', () => {
    expect(readSourceText(undefined, undefined, t)).toBe('')
    expect(readSourceText('primary', null, t)).toBe('')
  })
  it('names the replica and its lag in whole seconds', () => {
    expect(readSourceText('replica', 1.6, t)).toBe('dashboard.readSource.replica:2')
  })
  it('says the primary answered when the replica lagged', () => {
    expect(readSourceText('primary', 42, t)).toBe('dashboard.readSource.primary:42')
  })
})
