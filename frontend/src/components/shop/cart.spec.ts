import { describe, expect, it } from 'vitest'
import { demoProduct } from '../../testing/shopDemoData'
import {
  addBlocker,
  cartCount,
  cartLines,
  cartTotal,
  changeQuantity,
  counterOrder,
  matchesSearch,
  remainingAfter,
  shortBy,
  type Cart,
} from './cart'

const soap = demoProduct({ id: 1, name: '肥皂', pricePoints: 5, stock: 10 })
const powder = demoProduct({ id: 2, name: '洗衣粉', pricePoints: 20, stock: 2 })
const rice = demoProduct({ id: 3, name: '大米', category: '粮油', pricePoints: 80, stock: 0 })
const off = demoProduct({ id: 4, name: '旧毛巾', pricePoints: 2, stock: 5, active: false })
const products = [soap, powder, rice, off]

describe('the counter cart', () => {
  it('should add up quantities times prices', () => {
    const cart: Cart = new Map([
      [1, 3],
      [2, 1],
    ])
    expect(cartTotal(cart, products)).toBe(35)
    expect(cartCount(cart)).toBe(4)
    expect(remainingAfter(50, cart, products)).toBe(15)
  })

  it('should list the lines in product order without empty ones', () => {
    const cart: Cart = new Map([
      [2, 1],
      [1, 2],
    ])
    expect(cartLines(cart, products)).toEqual([
      { productId: 1, quantity: 2 },
      { productId: 2, quantity: 1 },
    ])
  })

  it('should refuse a product the household cannot afford and say how many points are missing', () => {
    const cart: Cart = new Map([[1, 2]])
    // balance 25, cart 10: 15 left, powder costs 20
    expect(addBlocker(powder, cart, products, 25)).toBe('UNAFFORDABLE')
    expect(shortBy(powder, cart, products, 25)).toBe(5)
    expect(addBlocker(soap, cart, products, 25)).toBeNull()
    expect(shortBy(soap, cart, products, 25)).toBe(0)
  })

  it('should refuse a product that is sold out or whose stock is all in the cart', () => {
    expect(addBlocker(rice, new Map(), products, 1000)).toBe('OUT_OF_STOCK')
    expect(addBlocker(powder, new Map([[2, 2]]), products, 1000)).toBe('OUT_OF_STOCK')
    expect(addBlocker(powder, new Map([[2, 1]]), products, 1000)).toBeNull()
  })

  it('should refuse a product that is not on sale', () => {
    expect(addBlocker(off, new Map(), products, 1000)).toBe('INACTIVE')
  })

  it('should leave the cart as it was when an addition is refused', () => {
    const cart: Cart = new Map([[2, 2]])
    expect(changeQuantity(cart, powder, 1, products, 1000)).toBe(cart)
    expect(changeQuantity(new Map(), soap, 1, products, 4).size).toBe(0)
  })

  it('should add one, take one back and drop a line at zero', () => {
    let cart: Cart = new Map()
    cart = changeQuantity(cart, soap, 1, products, 100)
    cart = changeQuantity(cart, soap, 1, products, 100)
    expect(cart.get(1)).toBe(2)
    cart = changeQuantity(cart, soap, -1, products, 100)
    expect(cart.get(1)).toBe(1)
    cart = changeQuantity(cart, soap, -1, products, 100)
    expect(cart.has(1)).toBe(false)
    expect(changeQuantity(cart, soap, -1, products, 100).has(1)).toBe(false)
  })

  it('should put recently handed out products first and hide those not on sale', () => {
    const order = counterOrder(products, [3, 2]).map((p) => p.id)
    expect(order).toEqual([3, 2, 1])
    // then by category and name in pinyin order: 粮油 (liang) before 日用品 (ri)
    expect(counterOrder(products, []).map((p) => p.name)).toEqual(['大米', '肥皂', '洗衣粉'])
  })

  it('should find products by name or category', () => {
    expect(matchesSearch(rice, '粮')).toBe(true)
    expect(matchesSearch(rice, '米')).toBe(true)
    expect(matchesSearch(soap, '米')).toBe(false)
    expect(matchesSearch(soap, '  ')).toBe(true)
  })
})
