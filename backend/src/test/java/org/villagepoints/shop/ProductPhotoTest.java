package org.villagepoints.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;
import org.villagepoints.support.TestImages;

/** Product photos: set, replace, remove, refuse, and serve them so that phones cache them. */
@MicronautTest(transactional = false)
class ProductPhotoTest extends ApiTest {

  @Inject Sql sql;
  private long village;
  private String shop;
  private String villager;
  private int productNo;

  @BeforeAll
  void logIn() {
    village = new Fixture(sql).village("lixin");
    shop = api().login("lixin-shop", "demo123");
    villager = api().login("lixin-h001", "123456");
  }

  private long product() {
    Res made = api().post("/api/villages/" + village + "/products",
        Map.of("name", "照片测试商品" + (++productNo), "pricePoints", 5), shop);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().path("photoUrl").isNull()).isTrue();
    return made.json().path("id").asLong();
  }

  private Res upload(long product, String filename, byte[] bytes, String token) {
    return api().upload("/api/products/" + product + "/photo", filename, bytes, token);
  }

  private HttpResponse<byte[]> photo(String url, String token, String... headers) {
    return api().bytes(url, token, headers);
  }

  private String photoUrlInList(long product) {
    for (JsonNode p : api().get("/api/villages/" + village + "/products", villager).json()) {
      if (p.path("id").asLong() == product) {
        return p.path("photoUrl").isNull() ? null : p.path("photoUrl").asText();
      }
    }
    throw new AssertionError("product " + product + " not listed");
  }

  private long audits(long product, String action) {
    return sql.number("select count(*) from audit_events where action = ? and target_id = ?",
        action, String.valueOf(product));
  }

  private static void assertProblem(Res res, int status, String code) {
    assertThat(res.status()).as(res.body()).isEqualTo(status);
    assertThat(res.contentType()).startsWith("application/problem+json");
    assertThat(res.code()).isEqualTo(code);
    assertThat(res.json().path("detail").asText()).containsPattern("\\p{IsHan}");
  }

  @Test
  void anUploadedPhotoIsServedByteEqualToVillagersWithItsTypeAndAYearOfCaching() {
    long product = product();
    byte[] png = TestImages.png(Color.ORANGE);
    Res set = upload(product, "soap.jpg", png, shop);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    String url = set.json().path("photoUrl").asText();
    assertThat(url).matches("/api/products/" + product + "/photo\\?v=[0-9a-f]{16}");
    assertThat(photoUrlInList(product)).isEqualTo(url);

    HttpResponse<byte[]> got = photo(url, villager);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(png);
    assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(got.headers().firstValue("Cache-Control"))
        .hasValue("private, max-age=31536000, immutable");
    assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String etag = got.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + url.substring(url.indexOf("v=") + 2) + "\"");

    HttpResponse<byte[]> unversioned = photo("/api/products/" + product + "/photo", villager);
    assertThat(unversioned.body()).isEqualTo(png);
    assertThat(unversioned.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    HttpResponse<byte[]> again = photo(url, villager, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void replacingAPhotoChangesItsUrlAndTheOldUrlIsNoLongerCachedForAYear() {
    long product = product();
    String first = upload(product, "a.png", TestImages.png(Color.RED), shop).json()
        .path("photoUrl").asText();
    byte[] jpeg = TestImages.jpeg(Color.GREEN);
    String committee = api().login("lixin-committee", "demo123");
    Res replaced = upload(product, "b.png", jpeg, committee);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    String second = replaced.json().path("photoUrl").asText();
    assertThat(second).isNotEqualTo(first);

    HttpResponse<byte[]> got = photo(second, shop);
    assertThat(got.body()).isEqualTo(jpeg);
    assertThat(got.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    HttpResponse<byte[]> stale = photo(first, shop);
    assertThat(stale.body()).isEqualTo(jpeg);
    assertThat(stale.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    assertThat(sql.number("select count(*) from product_photos where product_id = ?", product))
        .isEqualTo(1);
    assertThat(audits(product, "PRODUCT_PHOTO_SET")).isEqualTo(2);
  }

  @Test
  void aFileThatIsNoPhotoIsRefusedWhateverItsNameAndTheOldPhotoStays() {
    long product = product();
    byte[] png = TestImages.png(Color.BLUE);
    String url = upload(product, "ok.png", png, shop).json().path("photoUrl").asText();

    assertProblem(upload(product, "fake.jpg", "GIF89a not a jpeg".getBytes(
        StandardCharsets.ISO_8859_1), shop), 422, "BAD_PHOTO");
    Res html = upload(product, "x.png", "<html><script>alert(1)</script>".getBytes(
        StandardCharsets.UTF_8), shop);
    assertProblem(html, 422, "BAD_PHOTO");
    assertThat(html.json().path("detail").asText()).isEqualTo("只能上传 JPG、PNG 或 WebP 照片");

    assertThat(photoUrlInList(product)).isEqualTo(url);
    assertThat(photo(url, shop).body()).isEqualTo(png);
    assertThat(audits(product, "PRODUCT_PHOTO_SET")).isEqualTo(1);
  }

  @Test
  void aPhotoOverTwoMegabytesIsRefusedAndExactlyTwoIsAccepted() {
    long product = product();
    Res big = upload(product, "big.jpg", TestImages.jpegOfSize(2 * 1024 * 1024 + 1), shop);
    assertProblem(big, 422, "PHOTO_TOO_LARGE");
    assertThat(big.json().path("detail").asText()).isEqualTo("照片太大：每张不超过 2 MB");
    assertThat(photoUrlInList(product)).isNull();
    assertThat(sql.number("select count(*) from product_photos where product_id = ?", product))
        .isZero();

    byte[] limit = TestImages.jpegOfSize(2 * 1024 * 1024);
    Res ok = upload(product, "limit.jpg", limit, shop);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(photo(ok.json().path("photoUrl").asText(), shop).body()).isEqualTo(limit);
  }

  @Test
  void anotherVillagesStaffAndVillagersCannotTouchOrSeeThePhoto() {
    long product = product();
    byte[] png = TestImages.png(Color.MAGENTA);
    String url = upload(product, "p.png", png, shop).json().path("photoUrl").asText();
    String otherShop = api().login("ailin-shop", "demo123");
    String otherVillager = api().login("ailin-h001", "123456");

    assertProblem(upload(product, "q.png", TestImages.png(Color.BLACK), otherShop), 403,
        "FORBIDDEN");
    assertProblem(api().send("DELETE", "/api/products/" + product + "/photo", null, null,
        otherShop), 403, "FORBIDDEN");
    assertThat(photo(url, otherShop).statusCode()).isEqualTo(403);
    assertThat(photo(url, otherVillager).statusCode()).isEqualTo(403);
    assertThat(photo(url, null).statusCode()).isEqualTo(401);
    assertProblem(upload(product, "q.png", TestImages.png(Color.BLACK), villager), 403,
        "FORBIDDEN");

    assertThat(photo(url, shop).body()).isEqualTo(png);
    assertThat(photo(url, api().login("zhengcha", "demo123")).statusCode()).isEqualTo(200);
  }

  @Test
  void aRemovedPhotoLeavesThePlaceholderAndRemovingTwiceIsNoError() {
    long product = product();
    upload(product, "p.png", TestImages.png(Color.CYAN), shop);
    Res removed = api().send("DELETE", "/api/products/" + product + "/photo", null, null, shop);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(removed.json().path("photoUrl").isNull()).isTrue();
    assertThat(photoUrlInList(product)).isNull();
    HttpResponse<byte[]> gone = photo("/api/products/" + product + "/photo", shop);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("PHOTO_NOT_FOUND");
    assertThat(api().send("DELETE", "/api/products/" + product + "/photo", null, null, shop)
        .status()).isEqualTo(200);
    assertThat(audits(product, "PRODUCT_PHOTO_REMOVED")).isEqualTo(1);
  }

  @Test
  void anUnknownProductOrAMissingFileIsAClearError() {
    assertProblem(upload(999_999, "p.png", TestImages.png(Color.RED), shop), 404,
        "PRODUCT_NOT_FOUND");
    Res noFile = api().send("POST", "/api/products/" + product() + "/photo",
        "multipart/form-data; boundary=xyz", "--xyz--\r\n", shop);
    assertProblem(noFile, 400, "MISSING_VALUE");
  }
}
