package org.villagepoints.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestApi.Res;

@MicronautTest(transactional = false)
class AwardPolicyTest extends ApiTest {

  @Inject Sql sql;

  @Test
  void theCommitteeReadsAndSetsNoticeDaysAndTheUnusualAmountMultiple() {
    long village = new Fixture(sql).village("liuan");
    String committee = api().login("liuan-committee", "demo123");
    String path = "/api/villages/" + village + "/policy";
    Res defaults = api().get(path, committee);
    assertThat(defaults.json().path("noticeDays").asInt()).isEqualTo(3);
    assertThat(defaults.json().path("unusualMultiple").asInt()).isEqualTo(3);

    Res set = api().send("PUT", path, "application/json",
        "{\"noticeDays\": 0, \"unusualMultiple\": 5}", committee);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    api().send("PUT", path, "application/json", "{\"noticeDays\": 2}", committee);
    Res now = api().get(path, committee);
    assertThat(now.json().path("noticeDays").asInt()).isEqualTo(2);
    assertThat(now.json().path("unusualMultiple").asInt()).as("kept when not sent").isEqualTo(5);

    Res bad = api().send("PUT", path, "application/json",
        "{\"noticeDays\": 1, \"unusualMultiple\": 1}", committee);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api().get(path, committee).json().path("noticeDays").asInt()).isEqualTo(2);
    assertThat(api().get(path, api().login("ailin-committee", "demo123")).status())
        .isEqualTo(403);
  }
}
