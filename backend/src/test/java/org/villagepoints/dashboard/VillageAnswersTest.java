package org.villagepoints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegister;
import org.villagepoints.ledger.Corrections;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/**
 * Village dashboards are answered again only while their village is unchanged: every table a
 * village dashboard is computed from gives the village a new version when one of its rows
 * changes (V017), a reused answer is the same object, and after a change the answer equals a
 * fresh computation. On the demo district with its six months of history (meetings, ratings,
 * donations, redemptions, inspections and tasks), written through the real services.
 */
@MicronautTest(transactional = false)
class VillageAnswersTest extends ApiTest {

  @Inject VillageAnswers answers;
  @Inject VillageVersions versions;
  @Inject Dashboards dashboards;
  @Inject Corrections corrections;
  @Inject HouseholdRegister register;
  @Inject Sql sql;
  @Inject JsonMapper json;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("vp.demo", "true", "vp.demo-history", "true");
  }

  /** The source tables keyed by village; the test rewrites one of lixin's rows unchanged. */
  private static final List<String> TOUCHES = List.of(
      "village_months", "households", "household_groups", "products", "donations",
      "rating_rounds", "rating_round_stats", "inspections", "rectification_tasks");

  @Test
  void everySourceOfAVillageDashboardGivesTheVillageANewVersion() {
    Fixture f = new Fixture(sql);
    long lixin = f.village("lixin");
    long otherTown = sql.number("""
        select min(v.id) from villages v join villages l on l.id = ?
        where v.town_id <> l.town_id""", lixin);
    assertThat(otherTown).isPositive();
    for (String table : TOUCHES) {
      long before = versions.of(lixin).orElseThrow();
      long elsewhere = versions.of(otherTown).orElseThrow();
      int rows = sql.update("update " + table + " set village_id = village_id where ctid ="
          + " (select ctid from " + table + " where village_id = ? limit 1)", lixin);
      assertThat(rows).as(table + ": the demo history has a row of lixin").isEqualTo(1);
      assertThat(versions.of(lixin).orElseThrow()).as(table).isGreaterThan(before);
      assertThat(versions.of(otherTown).orElseThrow()).as(table).isEqualTo(elsewhere);
    }
    long before = versions.of(lixin).orElseThrow();
    sql.update("update villages set name = name where id = ?", lixin);
    long renamed = versions.of(lixin).orElseThrow();
    assertThat(renamed).as("villages").isGreaterThan(before);
    long elsewhere = versions.of(otherTown).orElseThrow();
    sql.update("update towns set name = name where id = (select town_id from villages"
        + " where id = ?)", lixin);
    assertThat(versions.of(lixin).orElseThrow()).as("towns").isGreaterThan(renamed);
    assertThat(versions.of(otherTown).orElseThrow()).as("towns").isEqualTo(elsewhere);
  }

  @Test
  void anAnswerIsReusedUntilItsVillageChangesThenEqualsAFreshComputation() throws Exception {
    Fixture f = new Fixture(sql);
    long lixin = f.village("lixin");
    YearMonth now = YearMonth.now(Sql.ZONE);
    Period year = Period.parse(now.withMonth(1).toString(), now.withMonth(12).toString());
    VillageDashboard first = answers.village(lixin, year);
    assertThat(answers.village(lixin, year)).isSameAs(first);
    byte[] sent = answers.json(lixin, year); // what the endpoint sends, written once
    assertThat(sent).isEqualTo(json.writeValueAsBytes(first));
    assertThat(answers.json(lixin, year)).isSameAs(sent);

    // Another village's points: lixin's answer stands.
    corrections.adjust(f.committee("songlin"), household(f.village("songlin")), 5, "补录");
    assertThat(answers.village(lixin, year)).isSameAs(first);

    // lixin's own points: a new answer, with them, equal to a computation from scratch.
    long household = household(lixin);
    corrections.adjust(f.committee("lixin"), household, 5, "补录");
    VillageDashboard adjusted = answers.village(lixin, year);
    assertThat(adjusted).isNotSameAs(first);
    assertThat(adjusted.figures().pointsAdjusted())
        .isEqualTo(first.figures().pointsAdjusted() + 5);
    assertThat(adjusted).isEqualTo(fresh(lixin, year));
    assertThat(answers.village(lixin, year)).isSameAs(adjusted);

    // A household archived (no points move): one active household fewer.
    register.archive(f.committee("lixin"), household);
    VillageDashboard archived = answers.village(lixin, year);
    assertThat(archived.figures().households()).isEqualTo(adjusted.figures().households() - 1);
    assertThat(archived).isEqualTo(fresh(lixin, year));
  }

  @Test
  void atMostTheConfiguredNumberOfAnswersIsKept() {
    long lixin = new Fixture(sql).village("lixin");
    VillageAnswers two = new VillageAnswers(dashboards, versions, json, 2);
    Period a = Period.parse("2026-01", "2026-01");
    Period b = Period.parse("2026-02", "2026-02");
    Period c = Period.parse("2026-03", "2026-03");
    VillageDashboard first = two.village(lixin, a);
    VillageDashboard second = two.village(lixin, b);
    assertThat(two.village(lixin, a)).isSameAs(first); // a is now the most recently used
    two.village(lixin, c); // drops b
    assertThat(two.village(lixin, a)).isSameAs(first);
    assertThat(two.village(lixin, b)).isNotSameAs(second).isEqualTo(second);
    VillageAnswers none = new VillageAnswers(dashboards, versions, json, 0);
    assertThat(none.village(lixin, a)).isNotSameAs(none.village(lixin, a))
        .isEqualTo(first);
  }

  private long household(long village) {
    return sql.number("select min(id) from households where village_id = ?"
        + " and status = 'ACTIVE'", village);
  }

  private VillageDashboard fresh(long village, Period period) {
    return dashboards.village(village, period, LocalDate.now(Sql.ZONE)).dashboard();
  }
}
