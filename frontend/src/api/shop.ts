// The points shop (爱心积分超市): products, goods received, stocktakes, phone codes, redemptions.
import { http } from './http'
import { upload } from './upload'
import type { HouseholdDetail } from './region'

export interface Product {
  id: number
  villageId?: number
  name: string
  unit: string | null
  category: string | null
  pricePoints: number
  stock: number
  active: boolean
  lowStockThreshold: number
  lowStock: boolean
  /** versioned photo URL (cacheable), null when the product has no photo */
  photoUrl?: string | null
}

export interface ProductForm {
  name: string
  unit: string | null
  category: string | null
  pricePoints: number
  active: boolean
  lowStockThreshold: number
}

export type GoodsKind = 'DONATION' | 'PURCHASE'
export type DonorType = 'ENTERPRISE' | 'PAIRED_UNIT' | 'PERSON' | 'VILLAGE_FUNDS' | 'OTHER'
export const DONOR_TYPES: DonorType[] = ['ENTERPRISE', 'PAIRED_UNIT', 'PERSON', 'VILLAGE_FUNDS', 'OTHER']

/** Goods coming in: a donation (捐赠) or a purchase (采购). */
export interface GoodsReceivedForm {
  kind: GoodsKind
  donorName: string
  donorType: DonorType
  /** YYYY-MM-DD */
  occurredOn: string
  valueYuan: number | null
  note: string | null
  items: { productId: number; quantity: number }[]
}

/** A voucher photo (凭证: receipt, invoice, certificate) of a donation or purchase. */
export interface Voucher {
  id: number
  donationId: number
  contentType: string
  bytes: number
  url: string
  uploadedBy: string
  uploadedAt: string
}

export interface DonorTotal {
  donorName: string
  donorType: DonorType
  kind: GoodsKind
  donations: number
  valueYuan: number | null
  lastOn: string
  vouchers?: Voucher[]
}

/** One recorded donation or purchase with its goods and vouchers. */
export interface DonationRecord {
  id: number
  kind: GoodsKind
  donorName: string
  donorType: DonorType
  occurredOn: string
  valueYuan: number | null
  note: string | null
  recordedBy: string
  recordedAt: string
  items: { productId: number; name: string; unit: string | null; quantity: number }[]
  vouchers: Voucher[]
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface StocktakeForm {
  reason: string
  items: { productId: number; counted: number }[]
}

export type CardFactor = 'PIN' | 'CONFIRM_NAME'

export interface QrToken {
  token: string
  expiresAt: string
  lifetimeSeconds: number
}

/** A printed household card, resolved from its scanned payload. */
export interface CardHolder {
  serial: string
  status: string
  householdId: number
  householdCode: string
  headName: string
  groupName: string | null
  villageId: number
  villageName: string
  balance: number
  /** stars of the latest clean-home rating, null when never rated */
  stars?: number | null
}

export interface RedemptionLine {
  productId: number
  quantity: number
}

/** How the household proves itself: a phone code, or a card with its second factor. */
export type RedeemProof = { qrToken: string } | { cardCode: string; pin: string } | { cardCode: string; nameConfirmed: true }

export type RedeemRequest = RedeemProof & { items: RedemptionLine[] }

export interface Receipt {
  id: number
  householdId: number
  householdCode: string
  headName: string
  villageName: string
  points: number
  balanceAfter: number
  method: string
  attendant: string
  createdAt: string
  refundedAt: string | null
  items: { productId: number; name: string; unit: string | null; quantity: number; pricePoints: number; points: number }[]
}

export const shopApi = {
  products: (villageId: number) => http.get<Product[]>(`/api/villages/${villageId}/products`),
  createProduct: (villageId: number, form: ProductForm, idempotencyKey: string) =>
    http.postOnce<Product>(`/api/villages/${villageId}/products`, form, idempotencyKey),
  updateProduct: (id: number, form: ProductForm) => http.put<Product>(`/api/products/${id}`, form),
  receiveGoods: (villageId: number, form: GoodsReceivedForm, idempotencyKey: string) =>
    http.postOnce<{ id: number }>(`/api/villages/${villageId}/donations`, form, idempotencyKey),
  donations: (villageId: number, page = 0, size = 20) =>
    http.get<Page<DonationRecord>>(`/api/villages/${villageId}/donations`, { page, size }),
  attachVoucher: (donationId: number, file: Blob, name = 'voucher.jpg') =>
    upload<Voucher>(`/api/donations/${donationId}/vouchers`, fileForm(file, name)),
  removeVoucher: (id: number) => http.delete<void>(`/api/donation-vouchers/${id}`),
  setProductPhoto: (productId: number, file: Blob, name = 'photo.jpg') =>
    upload<Product>(`/api/products/${productId}/photo`, fileForm(file, name)),
  removeProductPhoto: (productId: number) => http.delete<Product>(`/api/products/${productId}/photo`),
  /** a photo (product or voucher) by the URL the API gave, with the bearer token */
  photo: (url: string) => http.blob(url),
  donors: (villageId: number) => http.get<DonorTotal[]>(`/api/villages/${villageId}/donations/by-donor`),
  stocktake: (villageId: number, form: StocktakeForm, idempotencyKey: string) =>
    http.postOnce<{ changed: number }>(`/api/villages/${villageId}/stocktakes`, form, idempotencyKey),
  policy: (villageId: number) => http.get<{ cardFactor: CardFactor }>(`/api/villages/${villageId}/shop-policy`),
  qrToken: (householdId: number) => http.post<QrToken>(`/api/households/${householdId}/qr-tokens`),
  card: (payload: string) => http.get<CardHolder>(`/api/cards/${encodeURIComponent(payload)}`),
  household: (id: number) => http.get<HouseholdDetail>(`/api/households/${id}`),
  redeem: (body: RedeemRequest, idempotencyKey: string) => http.postOnce<Receipt>('/api/redemptions', body, idempotencyKey),
  refund: (id: number, reason: string, idempotencyKey: string) =>
    http.postOnce<Receipt>(`/api/redemptions/${id}/refund`, { reason }, idempotencyKey),
}

function fileForm(file: Blob, name: string): FormData {
  const form = new FormData()
  form.append('file', file, name)
  return form
}
