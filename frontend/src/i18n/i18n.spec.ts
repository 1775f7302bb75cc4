import { describe, expect, it } from 'vitest'
import { messages } from './index'

// the merged messages: zh-CN.ts/en.ts plus the feature files (shop.zh-CN.ts, shop.en.ts)
const zhCN = messages['zh-CN']
const en = messages.en

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

const zhKeys = flatten(zhCN as Tree)
const enKeys = flatten(en as Tree)

// Literal keys used in code: t('a.b'), $t('a.b'), i18n-t keypath="a.b"
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts', '!../testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const usedKeys = new Set<string>()
for (const text of Object.values(sources)) {
  for (const m of text.matchAll(/\$?\bt\(\s*'([\w.-]+)'/g)) usedKeys.add(m[1])
}

describe('i18n messages', () => {
  it('should have every zh-CN key in en', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([])
  })

  it('should have every en key in zh-CN', () => {
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([])
  })

  it('should use the same placeholders in both languages', () => {
    const differing = [...zhKeys].filter(([k, v]) => placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join())
    expect(differing.map(([k]) => k)).toEqual([])
  })

  it('should have no empty texts', () => {
    const empty = [...zhKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })

  it('should define every key the code asks for', () => {
    expect(usedKeys.size).toBeGreaterThan(20)
    expect([...usedKeys].filter((k) => !zhKeys.has(k))).toEqual([])
  })
})
