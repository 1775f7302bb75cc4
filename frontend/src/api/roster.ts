// Roster (花名册) import: templates, a dry run that only checks, and the all-or-nothing import.
import { http } from './http'
import { upload } from './upload'

export interface RowError {
  /** the spreadsheet row, 1 = the header */
  row: number
  /** column heading, empty for the whole row or file */
  column: string
  message: string
}

export interface ImportResult {
  rows: number
  created: number
  updated: number
  unchanged: number
  openingPoints: number
  /** false on a dry run, or when errors stopped the import (then nothing was written) */
  committed: boolean
  errors: RowError[]
}

export type TemplateFormat = 'xlsx' | 'csv'

export const rosterApi = {
  template: (format: TemplateFormat) => http.blob(`/api/imports/households/template.${format}`),
  importFile: (villageId: number, file: File, dryRun: boolean, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return upload<ImportResult>(`/api/villages/${villageId}/imports/households`, form, {
      query: { dryRun: dryRun ? 'true' : undefined },
      onProgress,
    })
  },
}
