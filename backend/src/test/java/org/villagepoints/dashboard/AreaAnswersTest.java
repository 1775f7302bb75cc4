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
import org.villagepoints.ledger.Corrections;
import org.villagepoints.ops.ReadRouting;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;

/**
 * Town and district dashboards are assembled from village rows kept while their village is
 * unchanged: the assembled answer and its JSON equal the area computed from scratch, a
 * change in one village recomputes that village's row only, and a bound smaller than the
 * district still gives the same answer. On the demo district with its six months of history,
 * written through the real services.
 */
@MicronautTest(transactional = false)
class AreaAnswersTest extends ApiTest {

  @Inject AreaAnswers answers;
  @Inject Dashboards dashboards;
  @Inject Figures figures;
  @Inject Corrections corrections;
  @Inject ReadRouting reads;
  @Inject Sql sql;
  @Inject JsonMapper json;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("vp.demo", "true", "vp.demo-history", "true");
  }

  private final YearMonth now = YearMonth.now(Sql.ZONE);
  private final Period year = Period.parse(now.withMonth(1).toString(),
      now.withMonth(12).toString());
  private final Period months = Period.parse(now.minusMonths(13).toString(), now.toString());

  @Test
  void theAssembledAnswerAndItsJsonEqualTheAreaComputedFromScratch() throws Exception {
    long district = district();
    long town = sql.number("select town_id from villages where slug = 'lixin'");
    for (Period p : List.of(year, months)) {
      AreaDashboard fresh = fresh(Figures.Scope.DISTRICT, district, p);
      assertThat(fresh.villages()).hasSize(9);
      assertThat(fresh.totals().pointsIssued()).as("the demo history has awards").isPositive();
      assertThat(answers.dashboard(Figures.Scope.DISTRICT, district, p)).isEqualTo(fresh);
      byte[] sent = answers.json(Figures.Scope.DISTRICT, district, p);
      assertThat(sent).isEqualTo(json.writeValueAsBytes(fresh));
      assertThat(answers.json(Figures.Scope.DISTRICT, district, p)).isEqualTo(sent);
      AreaDashboard townFresh = fresh(Figures.Scope.TOWN, town, p);
      assertThat(townFresh.villages()).hasSize(2);
      assertThat(answers.json(Figures.Scope.TOWN, town, p))
          .isEqualTo(json.writeValueAsBytes(townFresh));
    }
  }

  @Test
  void aChangeInOneVillageRecomputesThatVillagesRowOnly() {
    Fixture f = new Fixture(sql);
    long district = district();
    long lixin = f.village("lixin");
    List<AreaAnswers.Row> before = rows(district);
    List<AreaAnswers.Row> again = rows(district);
    for (int i = 0; i < before.size(); i++) {
      assertThat(again.get(i)).isSameAs(before.get(i));
    }
    long household = sql.number("select min(id) from households where village_id = ?"
        + " and status = 'ACTIVE'", lixin);
    corrections.adjust(f.committee("lixin"), household, 5, "补录");
    List<AreaAnswers.Row> after = rows(district);
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      if (after.get(i).figures().villageId() == lixin) {
        assertThat(after.get(i)).isNotSameAs(before.get(i));
        assertThat(after.get(i).figures().pointsAdjusted())
            .isEqualTo(before.get(i).figures().pointsAdjusted() + 5);
        changed++;
      } else {
        assertThat(after.get(i)).isSameAs(before.get(i));
      }
    }
    assertThat(changed).isEqualTo(1);
    assertThat(answers.dashboard(Figures.Scope.DISTRICT, district, year))
        .isEqualTo(fresh(Figures.Scope.DISTRICT, district, year));
  }

  @Test
  void fewerKeptRowsThanVillagesOrNoneGiveTheSameAnswer() {
    long district = district();
    AreaDashboard fresh = fresh(Figures.Scope.DISTRICT, district, year);
    for (int capacity : new int[] {0, 3}) {
      AreaAnswers bounded = new AreaAnswers(dashboards, reads, json, capacity);
      assertThat(bounded.dashboard(Figures.Scope.DISTRICT, district, year)).isEqualTo(fresh);
      assertThat(bounded.dashboard(Figures.Scope.DISTRICT, district, year)).isEqualTo(fresh);
    }
  }

  private List<AreaAnswers.Row> rows(long district) {
    return dashboards.area(Figures.Scope.DISTRICT, district, year,
        LocalDate.now(Sql.ZONE), answers).villages();
  }

  private long district() {
    return sql.number("select id from districts where name = '江源区'");
  }

  /** The area from its villages' figures and the area's trend, as computed without rows. */
  private AreaDashboard fresh(Figures.Scope scope, long id, Period period) {
    String name = sql.one("select name from " + (scope == Figures.Scope.TOWN ? "towns"
        : "districts") + " where id = ?", rs -> rs.getString(1), id).orElseThrow();
    List<VillageFigures> villages = figures.villages(scope, id, period);
    return new AreaDashboard(scope.name(), id, name, period,
        AreaDashboard.Totals.of(villages), villages, figures.months(scope, id, period),
        ReadRouting.PRIMARY, null);
  }
}
