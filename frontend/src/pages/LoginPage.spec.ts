import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { installFakeApi, problem } from '../testing/fakeApi'
import { demoMe, loginReply } from '../testing/demoData'
import { mountAt } from '../testing/mountApp'

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], user: string, pass: string) {
  await wrapper.find('input[name="username"]').setValue(user)
  await wrapper.find('input[name="password"]').setValue(pass)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('LoginPage', () => {
  it('should show the server\'s Chinese message when the password is wrong', async () => {
    installFakeApi({ 'POST /api/login': () => problem(401, 'BAD_CREDENTIALS', '用户名或密码错误') })
    const { wrapper, router } = await mountAt('/login')

    await fillAndSubmit(wrapper, 'lixin-committee', 'wrong')

    expect(wrapper.find('[data-test="login-error"]').text()).toBe('用户名或密码错误')
    expect(router.currentRoute.value.path).toBe('/login')
    expect((wrapper.find('input[name="password"]').element as HTMLInputElement).value).toBe('')
  })

  it('should show the server\'s Chinese message after too many attempts', async () => {
    installFakeApi({
      'POST /api/login': () => problem(429, 'TOO_MANY_ATTEMPTS', '登录尝试过多，请 5 分钟后再试', { 'Retry-After': '300' }),
    })
    const { wrapper } = await mountAt('/login')

    await fillAndSubmit(wrapper, 'lixin-committee', 'wrong')

    expect(wrapper.find('[data-test="login-error"]').text()).toBe('登录尝试过多，请 5 分钟后再试')
  })

  it('should ask for both fields before calling the server', async () => {
    const api = installFakeApi({})
    const { wrapper } = await mountAt('/login')

    await fillAndSubmit(wrapper, '', '')

    expect(wrapper.find('[data-test="login-error"]').text()).toBe('请输入用户名和密码')
    expect(api.calls).toHaveLength(0)
  })

  it('should open the home of the role after a good login', async () => {
    installFakeApi({
      'POST /api/login': () => loginReply('VILLAGER'),
      'GET /api/me': () => demoMe.VILLAGER,
      'GET /api/households/*': () => ({ ...demoMe.VILLAGER, members: [] }),
    })
    const { wrapper, router } = await mountAt('/login')

    await fillAndSubmit(wrapper, 'lixin-h001', '123456')

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/villager'), { timeout: 5000 })
  })

  it('should switch the page to English and remember it', async () => {
    const { wrapper } = await mountAt('/login')

    await wrapper.find('[data-test="language-switch"]').trigger('click')

    expect(wrapper.find('button[type="submit"]').text()).toBe('Sign in')
    expect(localStorage.getItem('vp.locale')).toBe('en')
  })
})
