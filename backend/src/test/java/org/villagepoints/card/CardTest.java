package org.villagepoints.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

/**
 * Cards are decoded by independent tools: pdftoppm rasterises the PDF, zbarimg reads the QR
 * codes (Debian's poppler-utils and zbar-tools).
 */
@MicronautTest(transactional = false)
class CardTest extends ApiTest {

  @Inject Sql sql;
  @TempDir Path dir;
  private Fixture f;
  private String committee;
  private String shop;

  @BeforeAll
  void logIn() {
    f = new Fixture(sql);
    committee = api().login("lixin-committee", "demo123");
    shop = api().login("lixin-shop", "demo123");
  }

  private byte[] download(String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.getURL() + path)).header("Authorization", "Bearer " + committee)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static List<String> run(Path workDir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8).lines().toList();
  }

  private static List<String> decode(Path workDir, Path image) throws Exception {
    List<String> payloads = new ArrayList<>();
    for (String line : run(workDir, "zbarimg", "--quiet", "--raw", image.toString())) {
      if (!line.isBlank()) {
        payloads.add(line.trim());
      }
    }
    return payloads;
  }

  @Test
  void theVillageSheetDecodesToExactlyItsHouseholds() throws Exception {
    long village = f.village("lixin");
    JsonNode group = api().get("/api/villages/" + village + "/groups", committee).json().get(0);
    byte[] pdf = download("/api/villages/" + village + "/cards.pdf?groupId="
        + group.path("id").asLong());
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.write(dir.resolve("cards.pdf"), pdf);
    run(dir, "pdftoppm", "-r", "300", "-png", "cards.pdf", "page");
    List<String> payloads = new ArrayList<>();
    try (var pages = Files.list(dir)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
        payloads.addAll(decode(dir, page));
      }
    }
    Set<Long> resolved = new HashSet<>();
    for (String payload : payloads) {
      Res res = api().get("/api/cards/" + payload, shop);
      assertThat(res.status()).as(payload).isEqualTo(200);
      resolved.add(res.json().path("householdId").asLong());
    }
    Set<Long> expected = new HashSet<>();
    api().get("/api/villages/" + village + "/households?size=200&groupId="
        + group.path("id").asLong(), committee).json().path("items")
        .forEach(h -> expected.add(h.path("id").asLong()));
    assertThat(payloads).hasSize(expected.size());
    assertThat(resolved).isEqualTo(expected);
  }

  @Test
  void oneCardPngResolvesToItsHousehold() throws Exception {
    long household = f.household("lixin", "H012");
    Files.write(dir.resolve("card.png"), download("/api/households/" + household + "/card.png"));
    List<String> payloads = decode(dir, dir.resolve("card.png"));
    assertThat(payloads).hasSize(1);
    assertThat(payloads.get(0)).startsWith("VP1.").doesNotContain(Long.toString(household) + ".");
    JsonNode holder = api().get("/api/cards/" + payloads.get(0), shop).json();
    assertThat(holder.path("householdId").asLong()).isEqualTo(household);
    assertThat(holder.path("householdCode").asText()).isEqualTo("H012");
  }

  @Test
  void aReissuedCardRevokesTheOldOneEverywhere() throws Exception {
    long household = f.household("lixin", "H013");
    Files.write(dir.resolve("old.png"), download("/api/households/" + household + "/card.png"));
    String old = decode(dir, dir.resolve("old.png")).get(0);
    Res reissued = api().post("/api/households/" + household + "/card/reissue", "{}", committee);
    assertThat(reissued.status()).isEqualTo(201);
    String fresh = reissued.json().path("payload").asText();
    assertThat(fresh).isNotEqualTo(old);
    Res refused = api().get("/api/cards/" + old, shop);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("CARD_REVOKED");
    assertThat(refused.json().path("detail").asText()).contains("挂失");
    assertThat(api().get("/api/cards/" + fresh, shop).json().path("householdId").asLong())
        .isEqualTo(household);
  }

  @Test
  void forgedPayloadsAndOtherVillagesAreRefused() throws IOException {
    String genuine = api().post("/api/households/" + f.household("lixin", "H014")
        + "/card/reissue", "{}", committee).json().path("payload").asText();
    String forged = genuine.substring(0, genuine.length() - 2)
        + (genuine.endsWith("AA") ? "BB" : "AA");
    assertThat(api().get("/api/cards/" + forged, shop).code()).isEqualTo("CARD_INVALID");
    assertThat(api().get("/api/cards/VP1." + f.household("lixin", "H014") + ".x", shop).code())
        .isEqualTo("CARD_INVALID");
    String ailinShop = api().login("ailin-shop", "demo123");
    assertThat(api().get("/api/cards/" + genuine, ailinShop).status()).isEqualTo(403);
  }
}
