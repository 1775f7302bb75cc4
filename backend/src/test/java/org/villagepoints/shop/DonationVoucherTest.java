package org.villagepoints.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi;
import org.villagepoints.support.TestApi.Res;
import org.villagepoints.support.TestImages;

/** Voucher photos (receipts, certificates) of donations and purchases. */
@MicronautTest(transactional = false)
class DonationVoucherTest extends ApiTest {

  @Inject Sql sql;
  private long village;
  private String shop;
  private long rice;
  private int donorNo;

  @BeforeAll
  void stock() {
    village = new Fixture(sql).village("songlin");
    shop = api().login("songlin-shop", "demo123");
    rice = api().post("/api/villages/" + village + "/products",
        Map.of("name", "大米", "unit", "袋", "pricePoints", 40), shop).json().path("id").asLong();
  }

  private long donation(String donor, String kind) {
    Res made = api().post("/api/villages/" + village + "/donations", Map.of(
        "kind", kind, "donorName", donor, "donorType", "PAIRED_UNIT",
        "occurredOn", "2026-10-0" + (++donorNo % 9 + 1), "valueYuan", 200,
        "items", List.of(Map.of("productId", rice, "quantity", 4))), shop);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json().path("id").asLong();
  }

  private Res attach(long donation, byte[] bytes, String token) {
    return api().upload("/api/donations/" + donation + "/vouchers", "receipt.jpg", bytes, token);
  }

  private JsonNode record(long donation) {
    for (JsonNode d : api().get("/api/villages/" + village + "/donations?size=200", shop).json()
        .path("items")) {
      if (d.path("id").asLong() == donation) {
        return d;
      }
    }
    throw new AssertionError("donation " + donation + " not listed");
  }

  private long vouchers(long donation) {
    return sql.number("select count(*) from donation_vouchers where donation_id = ?", donation);
  }

  @Test
  void vouchersAreAttachedListedWithTheRecordAndInTheDonorReportAndReadBackByteEqual() {
    long donation = donation("示例帮扶单位甲", "DONATION");
    byte[] receipt = TestImages.jpeg(Color.WHITE);
    byte[] certificate = TestImages.png(Color.RED);
    Res first = attach(donation, receipt, shop);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("contentType").asText()).isEqualTo("image/jpeg");
    Res second = attach(donation, certificate, api().login("songlin-committee", "demo123"));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    Res retry = attach(donation, receipt, shop);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());

    JsonNode listed = record(donation);
    assertThat(listed.path("donorName").asText()).isEqualTo("示例帮扶单位甲");
    assertThat(listed.path("items").get(0).path("name").asText()).isEqualTo("大米");
    assertThat(listed.path("items").get(0).path("quantity").asLong()).isEqualTo(4);
    List<String> urls = new ArrayList<>();
    listed.path("vouchers").forEach(v -> urls.add(v.path("url").asText()));
    assertThat(urls).containsExactly(first.json().path("url").asText(),
        second.json().path("url").asText());

    JsonNode report = api().get("/api/villages/" + village + "/donations/by-donor", shop).json();
    List<String> reported = new ArrayList<>();
    report.forEach(d -> {
      if (d.path("donorName").asText().equals("示例帮扶单位甲")) {
        d.path("vouchers").forEach(v -> reported.add(v.path("url").asText()));
      }
    });
    assertThat(reported).isEqualTo(urls);

    TestApi.Bytes got = api().bytes(urls.get(1), api().login("zhengcha", "demo123"));
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(certificate);
    assertThat(got.header("Content-Type")).isEqualTo("image/png");
    assertThat(got.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
  }

  @Test
  void aBadOrOversizedFileIsRefusedAndNothingIsAttached() {
    long donation = donation("示例帮扶单位乙", "PURCHASE");
    Res text = attach(donation, "收据".getBytes(StandardCharsets.UTF_8), shop);
    assertThat(text.status()).isEqualTo(422);
    assertThat(text.contentType()).startsWith("application/problem+json");
    assertThat(text.code()).isEqualTo("BAD_PHOTO");
    Res big = attach(donation, TestImages.jpegOfSize(5 * 1024 * 1024 + 1), shop);
    assertThat(big.code()).isEqualTo("PHOTO_TOO_LARGE");
    assertThat(big.json().path("detail").asText()).isEqualTo("照片太大：每张不超过 5 MB");
    assertThat(vouchers(donation)).isZero();
    assertThat(record(donation).path("vouchers").size()).isZero();
  }

  @Test
  void atMostFiveVouchersPerRecord() {
    long donation = donation("示例帮扶单位丙", "DONATION");
    Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.PINK};
    for (Color c : colors) {
      assertThat(attach(donation, TestImages.png(c), shop).status()).isEqualTo(201);
    }
    Res sixth = attach(donation, TestImages.png(Color.BLACK), shop);
    assertThat(sixth.status()).isEqualTo(422);
    assertThat(sixth.code()).isEqualTo("TOO_MANY_VOUCHERS");
    assertThat(vouchers(donation)).isEqualTo(5);
  }

  @Test
  void anotherVillagesStaffCannotAttachReadOrRemoveAndVillagersCannotRead() {
    long donation = donation("示例帮扶单位丁", "DONATION");
    String url = attach(donation, TestImages.png(Color.ORANGE), shop).json().path("url").asText();
    String otherShop = api().login("ailin-shop", "demo123");
    assertThat(attach(donation, TestImages.png(Color.GRAY), otherShop).status()).isEqualTo(403);
    assertThat(api().bytes(url, otherShop).status()).isEqualTo(403);
    assertThat(api().send("DELETE", url, null, null, otherShop).status()).isEqualTo(403);
    assertThat(api().bytes(url, api().login("songlin-h001", "123456")).status())
        .isEqualTo(403);
    assertThat(api().get("/api/villages/" + village + "/donations", otherShop).status())
        .isEqualTo(403);
    assertThat(vouchers(donation)).isEqualTo(1);
    assertThat(attach(999_999, TestImages.png(Color.GRAY), shop).code())
        .isEqualTo("DONATION_NOT_FOUND");
  }

  @Test
  void aVoucherAttachedByMistakeIsRemovedAndAudited() {
    long donation = donation("示例帮扶单位戊", "DONATION");
    String url = attach(donation, TestImages.png(Color.CYAN), shop).json().path("url").asText();
    assertThat(api().send("DELETE", url, null, null, shop).status()).isEqualTo(204);
    assertThat(api().bytes(url, shop).status()).isEqualTo(404);
    assertThat(record(donation).path("vouchers").size()).isZero();
    assertThat(sql.number("select count(*) from audit_events where action ="
        + " 'DONATION_VOUCHER_REMOVED' and target_id = ?", String.valueOf(donation))).isEqualTo(1);
  }
}
