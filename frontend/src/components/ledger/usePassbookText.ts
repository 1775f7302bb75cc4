import { useI18n } from 'vue-i18n'
import type { PassbookLine } from '../../api/ledger'
import { dateParts, kindKey } from './passbookFormat'

/** Passbook words in the current language: kinds, dates, a line's reason. */
export function usePassbookText() {
  const { t } = useI18n()
  const kindLabel = (kind: string) => t(kindKey(kind))
  const dateText = (iso: string) => {
    const parts = dateParts(iso)
    return parts ? t('ledger.date', { ...parts }) : iso
  }
  /** the reason written with the transfer, else the kind's name */
  const reasonText = (line: PassbookLine) => line.reason?.trim() || kindLabel(line.kind)
  return { kindLabel, dateText, reasonText }
}
