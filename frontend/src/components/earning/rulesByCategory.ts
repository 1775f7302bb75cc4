import type { Rule } from '../../api/earning'

export interface RuleGroup {
  category: string
  rules: Rule[]
}

/** Active rules grouped by category (in catalogue order), filtered by a search text. */
export function rulesByCategory(rules: Rule[], query = '', filter: (r: Rule) => boolean = () => true): RuleGroup[] {
  const q = query.trim().toLowerCase()
  const groups = new Map<string, Rule[]>()
  for (const rule of rules) {
    if (!rule.active || !filter(rule)) continue
    if (q && !`${rule.category} ${rule.name}`.toLowerCase().includes(q)) continue
    groups.set(rule.category, [...(groups.get(rule.category) ?? []), rule])
  }
  return [...groups].map(([category, list]) => ({ category, rules: list }))
}
