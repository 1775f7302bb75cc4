import { useI18n } from 'vue-i18n'
import { RELATIONS } from '../api/region'

/** 户主, 配偶, …: a member's relation code in words; an unknown code is shown as sent. */
export function useRelationLabel() {
  const { t } = useI18n()
  return (code: string): string => ((RELATIONS as string[]).includes(code) ? t(`household.relations.${code}`) : code)
}
