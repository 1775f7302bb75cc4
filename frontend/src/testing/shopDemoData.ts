// Demo data of the points shop for specs, in the shapes the API sends.
import type { CardHolder, DonationRecord, DonorTotal, Product, QrToken, Receipt, Voucher } from '../api/shop'

export function demoProduct(over: Partial<Product> = {}): Product {
  return {
    id: 1,
    villageId: 100,
    name: '肥皂',
    unit: '块',
    category: '日用品',
    pricePoints: 5,
    stock: 10,
    active: true,
    lowStockThreshold: 3,
    lowStock: false,
    ...over,
  }
}

export const demoProducts: Product[] = [
  demoProduct({ photoUrl: '/api/products/1/photo?v=0123456789abcdef' }),
  demoProduct({ id: 2, name: '洗衣粉', unit: '袋', pricePoints: 20, stock: 2, lowStock: true }),
  demoProduct({ id: 3, name: '大米', unit: '袋', category: '粮油', pricePoints: 80, stock: 0, lowStock: true }),
  demoProduct({ id: 4, name: '旧毛巾', unit: '条', pricePoints: 2, stock: 5, active: false }),
]

export const demoCardHolder: CardHolder = {
  serial: 'ABCDEFGHJKLM',
  status: 'ACTIVE',
  householdId: 5000,
  householdCode: 'LX-001',
  headName: '张三',
  groupName: '第一组',
  villageId: 100,
  villageName: '立新村',
  balance: 30,
}

export function demoVoucher(id: number, donationId = 1): Voucher {
  return {
    id,
    donationId,
    contentType: 'image/jpeg',
    bytes: 120_000,
    url: `/api/donation-vouchers/${id}`,
    uploadedBy: 'lixin-shop',
    uploadedAt: '2024-05-01T10:00:00+08:00',
  }
}

export const demoDonors: DonorTotal[] = [
  { donorName: '爱心企业', donorType: 'ENTERPRISE', kind: 'DONATION', donations: 2, valueYuan: 500, lastOn: '2024-05-01', vouchers: [demoVoucher(21)] },
]

export function demoDonation(over: Partial<DonationRecord> = {}): DonationRecord {
  return {
    id: 1,
    kind: 'DONATION',
    donorName: '爱心企业',
    donorType: 'ENTERPRISE',
    occurredOn: '2024-05-01',
    valueYuan: 300,
    note: null,
    recordedBy: 'lixin-shop',
    recordedAt: '2024-05-01T10:00:00+08:00',
    items: [{ productId: 1, name: '肥皂', unit: '块', quantity: 20 }],
    vouchers: [],
    ...over,
  }
}

export function demoQrToken(n = 1, lifetimeSeconds = 60): QrToken {
  return { token: `VPQ1.5000.1700000000.nonce${n}abcdef.sig${n}`, expiresAt: '2024-05-01T10:00:00+08:00', lifetimeSeconds }
}

export function demoReceipt(over: Partial<Receipt> = {}): Receipt {
  return {
    id: 77,
    householdId: 5000,
    householdCode: 'LX-001',
    headName: '张三',
    villageName: '立新村',
    points: 5,
    balanceAfter: 25,
    method: 'CARD',
    attendant: '超市李',
    createdAt: '2024-05-01T10:30:12.123+08:00',
    refundedAt: null,
    items: [{ productId: 1, name: '肥皂', unit: '块', quantity: 1, pricePoints: 5, points: 5 }],
    ...over,
  }
}
