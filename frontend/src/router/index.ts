import { createRouter, createWebHistory, type RouterHistory } from 'vue-router'
import { routes } from './routes'
import { installAuthGuard } from './guards'

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes })
  installAuthGuard(router)
  return router
}
