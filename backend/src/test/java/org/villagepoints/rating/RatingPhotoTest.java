package org.villagepoints.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/** An inspector attaches one photo to a household's rating; the results show it. */
@MicronautTest(transactional = false)
class RatingPhotoTest extends ApiTest {

  @Inject Sql sql;

  private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURI()
        + path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void anInspectorAttachesAPhotoToARatingAndTheHouseholdSeesIt() throws Exception {
    Fixture f = new Fixture(sql);
    long village = f.village("taoyuan");
    String committee = api().login("taoyuan-committee", "demo123");
    long round = api().post("/api/villages/" + village + "/rating-rounds", Map.of("name",
        "2026年10月", "periodStart", "2026-10-01", "periodEnd", "2026-10-31"), committee).json()
        .path("id").asLong();
    long h1 = f.household("taoyuan", "H001");
    long h2 = f.household("taoyuan", "H002");
    String base = "/api/rating-rounds/" + round + "/ratings/";
    api().send("PUT", base + h1, "application/json", "{\"scores\":{\"yard\":55,\"indoors\":55,"
        + "\"kitchen\":55,\"toilet\":55,\"around\":55,\"conduct\":55}}", committee);

    byte[] photo = png();
    assertThat(api().upload(base + h2 + "/photo", "yard.png", photo, committee).code())
        .as("no rating yet").isEqualTo("RATING_NOT_FOUND");
    assertThat(api().upload(base + h1 + "/photo", "yard.txt", "not a photo".getBytes(),
        committee).code()).isEqualTo("BAD_PHOTO");
    byte[] huge = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 5 * 1024 * 1024
        + 1);
    assertThat(api().upload(base + h1 + "/photo", "big.jpg", huge, committee).code())
        .isEqualTo("PHOTO_TOO_LARGE");
    assertThat(api().get("/api/rating-rounds/" + round + "/ratings", committee).json().get(0)
        .path("photo").asBoolean()).isFalse();

    assertThat(api().upload(base + h1 + "/photo", "yard.png", photo, committee).status())
        .isEqualTo(204);
    assertThat(api().get("/api/rating-rounds/" + round + "/ratings", committee).json().get(0)
        .path("photo").asBoolean()).isTrue();
    HttpResponse<byte[]> shown = bytes(base + h1 + "/photo", committee);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(shown.body()).isEqualTo(photo);

    String own = api().login("taoyuan-h001", "123456");
    assertThat(bytes(base + h1 + "/photo", own).statusCode()).isEqualTo(200);
    assertThat(api().get("/api/households/" + h1 + "/ratings", own).json().get(0).path("photo")
        .asBoolean()).isTrue();
    assertThat(bytes(base + h1 + "/photo", api().login("taoyuan-h002", "123456")).statusCode())
        .as("another household's photo").isEqualTo(403);
    assertThat(api().upload(base + h1 + "/photo", "yard.png", photo, own).status())
        .as("villagers cannot attach").isEqualTo(403);

    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    api().upload(base + h1 + "/photo", "again.jpg", jpeg, committee);
    assertThat(bytes(base + h1 + "/photo", committee).headers().firstValue("Content-Type"))
        .as("a new photo replaces the old one").hasValue("image/jpeg");
    assertThat(sql.number("select count(*) from rating_photos")).isEqualTo(1);
  }
}
