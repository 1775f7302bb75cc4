// The counter's cart: what the household takes, what it costs, and why a product cannot be added.
import type { Product } from '../../api/shop'

/** productId → quantity */
export type Cart = Map<number, number>

/** Why one more of a product cannot go into the cart; null when it can. */
export type AddBlocker = 'INACTIVE' | 'OUT_OF_STOCK' | 'UNAFFORDABLE'

export function quantityOf(cart: Cart, productId: number): number {
  return cart.get(productId) ?? 0
}

export function cartTotal(cart: Cart, products: Product[]): number {
  let total = 0
  for (const p of products) total += quantityOf(cart, p.id) * p.pricePoints
  return total
}

export function cartCount(cart: Cart): number {
  let n = 0
  for (const q of cart.values()) n += q
  return n
}

/** Balance left after the cart; negative when the household cannot pay for it. */
export function remainingAfter(balance: number, cart: Cart, products: Product[]): number {
  return balance - cartTotal(cart, products)
}

export function addBlocker(product: Product, cart: Cart, products: Product[], balance: number): AddBlocker | null {
  if (!product.active) return 'INACTIVE'
  if (product.stock - quantityOf(cart, product.id) <= 0) return 'OUT_OF_STOCK'
  if (product.pricePoints > remainingAfter(balance, cart, products)) return 'UNAFFORDABLE'
  return null
}

/** How many points the household is short of one more of the product (0 when it can pay). */
export function shortBy(product: Product, cart: Cart, products: Product[], balance: number): number {
  return Math.max(0, product.pricePoints - remainingAfter(balance, cart, products))
}

/** A new cart with one more (delta 1) or one fewer (delta −1); refused additions leave it as it was. */
export function changeQuantity(cart: Cart, product: Product, delta: number, products: Product[], balance: number): Cart {
  const next = new Map(cart)
  const current = quantityOf(cart, product.id)
  if (delta > 0 && addBlocker(product, cart, products, balance) !== null) return cart
  const quantity = Math.max(0, current + delta)
  if (quantity === 0) next.delete(product.id)
  else next.set(product.id, quantity)
  return next
}

/** The lines to send, in the order the products are listed. */
export function cartLines(cart: Cart, products: Product[]): { productId: number; quantity: number }[] {
  return products.filter((p) => quantityOf(cart, p.id) > 0).map((p) => ({ productId: p.id, quantity: quantityOf(cart, p.id) }))
}

/**
 * The counter's order: products taken recently first (most recent first), then by category and
 * name. Inactive products are left out.
 */
export function counterOrder(products: Product[], recentIds: number[]): Product[] {
  const rank = new Map(recentIds.map((id, i) => [id, i]))
  return products
    .filter((p) => p.active)
    .sort((a, b) => {
      const ra = rank.get(a.id) ?? Infinity
      const rb = rank.get(b.id) ?? Infinity
      if (ra !== rb) return ra - rb
      return (a.category ?? '').localeCompare(b.category ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')
    })
}

export function matchesSearch(product: Product, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return [product.name, product.category ?? ''].some((text) => text.toLowerCase().includes(q))
}
