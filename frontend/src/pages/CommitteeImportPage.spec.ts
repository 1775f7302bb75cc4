import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ImportResult } from '../api/roster'
import { saveTokens } from '../api/tokens'
import { installFakeApi } from '../testing/fakeApi'
import { demoMe } from '../testing/demoData'
import { mountAt } from '../testing/mountApp'

const upload = vi.hoisted(() => vi.fn())
vi.mock('../api/upload', () => ({ upload }))

const clean: ImportResult = { rows: 2, created: 2, updated: 0, unchanged: 0, openingPoints: 0, committed: false, errors: [] }
const badPhone: ImportResult = { ...clean, errors: [{ row: 3, column: '联系电话', message: '联系电话格式不对' }] }

async function choose(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], name: string) {
  const input = wrapper.find('input[data-test="roster-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['户编号\n'], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('CommitteeImportPage', () => {
  beforeEach(() => {
    upload.mockReset()
    saveTokens({ access_token: 'A', refresh_token: 'R' })
    installFakeApi({ 'GET /api/me': () => demoMe.VILLAGE_COMMITTEE })
  })

  it('should check a file first, show its errors with row and column, and offer no import', async () => {
    upload.mockImplementation(async (_path: string, _form: FormData, opts: { onProgress?: (f: number) => void }) => {
      opts.onProgress?.(0.5)
      return badPhone
    })
    const { wrapper } = await mountAt('/committee/import')

    await choose(wrapper, 'roster.csv')

    expect(upload).toHaveBeenCalledOnce()
    expect(upload.mock.calls[0][0]).toBe('/api/villages/100/imports/households')
    expect(upload.mock.calls[0][2].query).toEqual({ dryRun: 'true' })
    expect((upload.mock.calls[0][1] as FormData).get('file')).toBeInstanceOf(File)
    await vi.waitFor(() => expect(wrapper.find('[data-test="import-errors"]').text()).toContain('联系电话格式不对'))
    expect(wrapper.find('[data-test="import-errors"]').text()).toContain('3')
    expect(wrapper.find('[data-test="import-commit"]').exists()).toBe(false)
  })

  it('should import the corrected file after a clean check, and say what was written', async () => {
    upload.mockResolvedValueOnce(badPhone).mockResolvedValueOnce(clean).mockResolvedValueOnce({ ...clean, committed: true })
    const { wrapper } = await mountAt('/committee/import')

    await choose(wrapper, 'roster.csv')
    await choose(wrapper, 'roster-fixed.csv')
    await vi.waitFor(() => expect(wrapper.find('[data-test="import-ok"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('roster-fixed.csv')

    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()

    expect(upload.mock.calls[2][2].query).toEqual({ dryRun: undefined })
    await vi.waitFor(() => expect(wrapper.find('[data-test="import-committed"]').text()).toContain('新增 2 户'))
    expect(wrapper.find('[data-test="import-to-cards"]').exists()).toBe(true)
  })
})
