import { ref, shallowRef } from 'vue'
import { rosterApi, type ImportResult } from '../../api/roster'
import { useErrorText } from '../../composables/useErrorText'

export type ImportStep = 'choose' | 'checked' | 'done'

/**
 * The import wizard: a file is first checked (dry run, nothing written), then imported all or
 * nothing. Progress is the fraction uploaded; after the upload the server is still working.
 */
export function useRosterImport(villageId: () => number | null) {
  const errorText = useErrorText()
  const file = shallowRef<File | null>(null)
  const step = ref<ImportStep>('choose')
  const result = shallowRef<ImportResult | null>(null)
  const busy = ref<'' | 'checking' | 'importing'>('')
  const progress = ref(0)
  const problem = ref('')

  async function send(dryRun: boolean): Promise<ImportResult | null> {
    const id = villageId()
    if (!file.value || id === null) return null
    busy.value = dryRun ? 'checking' : 'importing'
    progress.value = 0
    problem.value = ''
    try {
      return await rosterApi.importFile(id, file.value, dryRun, (f) => (progress.value = Math.round(f * 100)))
    } catch (err) {
      problem.value = errorText(err)
      return null
    } finally {
      busy.value = ''
    }
  }

  /** Step 1: check the chosen file; nothing is written. */
  async function choose(chosen: File | null): Promise<void> {
    file.value = chosen
    result.value = null
    step.value = 'choose'
    if (!chosen) return
    const checked = await send(true)
    if (checked) {
      result.value = checked
      step.value = 'checked'
    }
  }

  /** Step 2: import the checked file; the server writes all rows or none. */
  async function commit(): Promise<void> {
    const done = await send(false)
    if (!done) return
    result.value = done
    step.value = done.committed ? 'done' : 'checked'
  }

  function restart(): void {
    file.value = null
    result.value = null
    problem.value = ''
    step.value = 'choose'
  }

  const canCommit = () => step.value === 'checked' && !!result.value && result.value.errors.length === 0 && !busy.value

  return { file, step, result, busy, progress, problem, choose, commit, restart, canCommit }
}
