import type exportsZhCN from './exports.zh-CN'

const exportsEn: typeof exportsZhCN = {
  exports: {
    nav: 'Export books',
    title: 'Export books',
    hint: 'Pick a month and a book, then download it as Excel (.xlsx) or CSV. Months follow the date of the deed or sale: a deed of last month approved this month is in last month’s ledger.',
    month: 'Month',
    monthLabel: '{month}/{year}',
    book: 'Book',
    books: {
      ledger: 'Points ledger',
      'award-batches': 'Meetings and notices',
      redemptions: 'Redemptions',
      stock: 'Stock and donations',
      ratings: 'Clean-home ratings',
      households: 'Household roster',
    },
    describe: {
      ledger: 'Every change of a household’s points: date, household, kind, reason, points, balance after, recorded at, by whom.',
      'award-batches': 'The month’s meetings: meeting date, notice period, status, and each household’s rule and points.',
      redemptions: 'Every redemption of the month: goods, points, attendant, and refunds.',
      stock: 'The month’s stock book: donations, purchases, redemptions, refunds and stocktakes, with donors and value.',
      ratings: 'Clean-home rounds whose period ends in the month: scores per area, total, stars, follow-up.',
      households: 'The households on the register: members, phone, status and points at the month’s end.',
    },
    xlsx: 'Download Excel',
    csv: 'Download CSV',
    csvTip: 'The CSV is UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly.',
    waiting: 'Preparing the file…',
    waitingXlsx: 'Building the Excel file ({total} rows); the download starts when it is ready…',
    received: '{size} received',
    rows: '{rows} / {total} rows',
    saved: 'Saved: {name} ({size})',
    interrupted: 'The download was cut off and the file is incomplete. Please download it again.',
    summaryTitle: 'Summary per village',
    summaryHint: 'One row per village: households, participation, points at the start and end of the month, issued, deducted, redeemed, redemptions.',
  },
}

export default exportsEn
