import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '../api/http'
import { downloadWithProgress, type DownloadProgress } from '../api/download'
import { saveBlob } from '../components/desk/blobFiles'
import type { ExportFormat } from '../components/export/exportFormat'
import { useErrorText } from './useErrorText'

/** One export download at a time: progress while it streams, then the file is saved. */
export function useExportDownload() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const busy = ref<ExportFormat | null>(null)
  const progress = ref<DownloadProgress | null>(null)
  const problem = ref('')
  const saved = ref<{ name: string; bytes: number } | null>(null)

  /** basePath without the extension, e.g. /api/villages/1/exports/ledger */
  async function download(basePath: string, format: ExportFormat, month: string): Promise<void> {
    if (busy.value) return
    busy.value = format
    progress.value = null
    problem.value = ''
    saved.value = null
    try {
      const file = await downloadWithProgress(`${basePath}.${format}`, { month }, (p) => {
        progress.value = p
      })
      saveBlob(file.blob, file.filename)
      saved.value = { name: file.filename, bytes: file.bytes }
    } catch (err) {
      problem.value = err instanceof ApiError && err.code === 'DOWNLOAD_INTERRUPTED' ? t('exports.interrupted') : errorText(err)
    } finally {
      busy.value = null
    }
  }

  return { busy, progress, problem, saved, download }
}
