import type { ApplicationProgress } from '../../api/earning'

/** The normal path of an application, in order. */
export const PROGRESS_STEPS: ApplicationProgress[] = ['SUBMITTED', 'CHECKED', 'AT_MEETING', 'IN_NOTICE', 'POSTED']

/** How far along the normal path (0-based); -1 when returned or dropped. */
export function progressIndex(progress: ApplicationProgress): number {
  return PROGRESS_STEPS.indexOf(progress)
}
