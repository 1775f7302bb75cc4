import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'
import shopZhCN from './shop.zh-CN'
import shopEn from './shop.en'
import ledgerZhCN from './ledger.zh-CN'
import ledgerEn from './ledger.en'
import registerZhCN from './register.zh-CN'
import registerEn from './register.en'
import earningZhCN from './earning.zh-CN'
import earningEn from './earning.en'
import eventsZhCN from './events.zh-CN'
import eventsEn from './events.en'
import exportsZhCN from './exports.zh-CN'
import exportsEn from './exports.en'
import standardZhCN from './standard.zh-CN'
import standardEn from './standard.en'
import dashboardZhCN from './dashboard.zh-CN'
import dashboardEn from './dashboard.en'
import inspectionsZhCN from './inspections.zh-CN'
import inspectionsEn from './inspections.en'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const LOCALE_STORAGE_KEY = 'vp.locale'

/** The shop's messages live in their own files and join the `shop` key of each language. */
const withShop = (base: MessageSchema, extra: typeof shopZhCN) => ({ ...base, shop: { ...base.shop, ...extra.shop } })

/** Feature files with top-level sections of their own (ledger, nav, register, roster, cards, earning, events, exports, standard, dashboard, inspections). */
const zhCNAll = { ...withShop(zhCN, shopZhCN), ...ledgerZhCN, ...registerZhCN, ...earningZhCN, ...eventsZhCN, ...exportsZhCN, ...standardZhCN, ...dashboardZhCN, ...inspectionsZhCN }
const enAll: typeof zhCNAll = { ...withShop(en, shopEn), ...ledgerEn, ...registerEn, ...earningEn, ...eventsEn, ...exportsEn, ...standardEn, ...dashboardEn, ...inspectionsEn }

export const messages: Record<AppLocale, MessageSchema> = { 'zh-CN': zhCNAll, en: enAll }

export function storedLocale(): AppLocale {
  const saved = localStorage.getItem(LOCALE_STORAGE_KEY)
  return SUPPORTED_LOCALES.find((l) => l === saved) ?? 'zh-CN'
}

export function createAppI18n(locale: AppLocale = storedLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  })
}

export const i18n = createAppI18n()
