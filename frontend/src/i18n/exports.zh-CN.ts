// Messages of the monthly books (台账) and the district summary downloads.
const exportsZhCN = {
  exports: {
    nav: '导出台账',
    title: '导出台账',
    hint: '选择月份和台账，下载 Excel（.xlsx）或 CSV 文件。月份按事项发生的日期计算：上月的事本月评议入账，积分流水仍算在上月。',
    month: '月份',
    monthLabel: '{year}年{month}月',
    book: '台账',
    books: {
      ledger: '积分流水台账',
      'award-batches': '评议公示台账',
      redemptions: '积分兑换台账',
      stock: '库存与捐赠台账',
      ratings: '干净人家评比台账',
      households: '农户花名册',
    },
    describe: {
      ledger: '各户每一笔积分变动：日期、户、类型、事由、积分、变动后余额、记账时间、经办人。',
      'award-batches': '本月召开的评议会：会议日期、公示起止、批次状态，以及每一户的细则和分值。',
      redemptions: '本月每一笔兑换：兑换商品、积分、经办人，以及退还情况。',
      stock: '本月库存流水：捐赠入库、采购入库、兑换出库、退还、盘点，含捐赠方和价值。',
      ratings: '评比期在本月结束的各轮干净人家评比：各项得分、总分、星级、整改。',
      households: '本月在册的农户：家庭成员、联系电话、状态和月末积分。',
    },
    xlsx: '下载 Excel',
    csv: '下载 CSV',
    csvTip: 'CSV 为 UTF-8 编码（带 BOM），可直接用 Excel 打开，中文不会乱码。',
    waiting: '正在准备文件…',
    waitingXlsx: '正在生成 Excel 文件（共 {total} 行），生成后开始下载…',
    received: '已接收 {size}',
    rows: '{rows} / {total} 行',
    saved: '已保存：{name}（{size}）',
    interrupted: '下载中断了，文件不完整，请重新下载。',
    summaryTitle: '各村积分汇总',
    summaryHint: '每村一行：在册户数、参与率、月初和月末积分余额、本月发放、扣减、兑换和兑换笔数。',
  },
}

export default exportsZhCN
