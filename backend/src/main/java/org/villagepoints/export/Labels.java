package org.villagepoints.export;

import java.util.Map;

/** Chinese words for the codes stored in the database, as the books show them. */
final class Labels {

  static final Map<String, String> TRANSFER_KINDS = Map.of(
      "AWARD", "奖励", "DEDUCTION", "扣分", "REDEMPTION", "兑换", "REFUND", "兑换退还",
      "REVERSAL", "冲正", "EXPIRY", "过期", "OPENING", "期初", "ADJUSTMENT", "调整");

  static final Map<String, String> BATCH_STATUSES = Map.of(
      "DRAFT", "草稿", "NOTICE", "公示中", "POSTED", "已入账", "CANCELLED", "已取消");

  static final Map<String, String> ITEM_STATUSES = Map.of(
      "ACTIVE", "待入账", "HELD", "异议暂缓", "DROPPED", "已撤销", "POSTED", "已入账");

  static final Map<String, String> STOCK_KINDS = Map.of(
      "DONATION_IN", "捐赠入库", "PURCHASE_IN", "采购入库", "REDEMPTION_OUT", "兑换出库",
      "REFUND_IN", "退还入库", "ADJUSTMENT", "调整", "STOCKTAKE", "盘点");

  static final Map<String, String> DONATION_KINDS = Map.of("DONATION", "捐赠", "PURCHASE", "采购");

  static final Map<String, String> DONOR_TYPES = Map.of(
      "ENTERPRISE", "企业", "PAIRED_UNIT", "结对帮扶单位", "PERSON", "个人",
      "VILLAGE_FUNDS", "村集体资金", "OTHER", "其他");

  static final Map<String, String> REDEMPTION_METHODS = Map.of("QR", "手机兑换码", "CARD", "户卡");

  static final Map<String, String> ROUND_STATUSES = Map.of("OPEN", "进行中", "CLOSED", "已结束");

  private Labels() {}
}
