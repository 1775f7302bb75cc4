// Sending voucher photos one after another: what was attached so far is kept when one fails.
import { shopApi, type Voucher } from '../../api/shop'

/** The server's limit per donation or purchase. */
export const MAX_VOUCHERS = 5

export async function attachVouchers(
  donationId: number,
  photos: Blob[],
  current: Voucher[] = [],
): Promise<{ vouchers: Voucher[]; error: unknown }> {
  const vouchers = [...current]
  for (const photo of photos) {
    try {
      const v = await shopApi.attachVoucher(donationId, photo)
      // the same file sent again answers the voucher already there
      if (!vouchers.some((x) => x.id === v.id)) vouchers.push(v)
    } catch (err) {
      return { vouchers, error: err }
    }
  }
  return { vouchers, error: null }
}
