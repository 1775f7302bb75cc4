import { describe, expect, it } from 'vitest'
import { demoRules } from '../../testing/earningDemoData'
import { rulesByCategory } from './rulesByCategory'

describe('rules by category', () => {
  it('should group active rules by category in catalogue order', () => {
    const inactive = { ...demoRules[0], id: 9, name: '已停用', active: false }
    expect(rulesByCategory([...demoRules, inactive]).map((g) => [g.category, g.rules.map((r) => r.id)])).toEqual([
      ['志愿服务', [1]],
      ['孝老爱亲', [2]],
      ['人居环境', [3]],
    ])
  })

  it('should find rules by name or category, and keep only those the filter allows', () => {
    expect(rulesByCategory(demoRules, '老人').flatMap((g) => g.rules.map((r) => r.name))).toEqual(['照顾孤寡老人'])
    expect(rulesByCategory(demoRules, '人居').flatMap((g) => g.rules.map((r) => r.name))).toEqual(['焚烧秸秆'])
    expect(rulesByCategory(demoRules, '', (r) => r.points > 0).map((g) => g.category)).toEqual(['志愿服务', '孝老爱亲'])
  })
})
