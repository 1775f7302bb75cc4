package org.villagepoints.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.villagepoints.common.Sql;
import org.villagepoints.ledger.LedgerVerifier;
import org.villagepoints.support.ApiTest;

/** The database was seeded when the template was made, and again at this context's start. */
@MicronautTest(transactional = false)
class DemoSeedingTest extends ApiTest {

  @Inject DemoSeeder seeder;
  @Inject Sql sql;
  @Inject LedgerVerifier verifier;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("vp.demo", "true");
  }

  private static final List<String> TABLES = List.of("districts", "towns", "villages",
      "household_groups", "households", "household_members", "users", "award_batches",
      "award_items", "ledger_transfers", "rating_rounds", "ratings", "products", "donations",
      "redemptions", "village_months", "category_months");

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, sql.number("select count(*) from " + t));
    }
    return counts;
  }

  @Test
  void loadingTheDemoAgainChangesNothing() {
    Map<String, Long> before = counts();
    seeder.seed();
    assertThat(counts()).isEqualTo(before);
    assertThat(before.get("districts")).isEqualTo(1);
    assertThat(before.get("villages")).isEqualTo(9);
  }

  @Test
  void everyVillageHasThreeToFiveGroupsOfAboutTenHouseholdsWithMembers() {
    assertThat(sql.list("""
        select v.name, count(distinct g.id) groups, min(n.c) smallest, max(n.c) largest
        from villages v join household_groups g on g.village_id = v.id
        join (select group_id, count(*) c from households group by group_id) n on n.group_id = g.id
        group by v.name""", rs -> rs.getInt("groups") >= 3 && rs.getInt("groups") <= 5
            && rs.getInt("smallest") >= 9 && rs.getInt("largest") <= 11))
        .hasSize(9).containsOnly(true);
    assertThat(sql.number("select count(*) from households h where not exists"
        + " (select 1 from household_members m where m.household_id = h.id)")).isZero();
    assertThat(sql.list("select v.name || '/' || t.name from villages v join towns t"
        + " on t.id = v.town_id where v.slug in ('lixin', 'ailin', 'laoling') order by v.id",
        rs -> rs.getString(1))).containsExactly("立新村/正岔街道", "爱林村/城墙街道", "老岭村/石人镇");
  }

  @Test
  void everyVillageHasSixMonthsOfHistoryThatVerifies() {
    YearMonth now = YearMonth.now(Sql.ZONE);
    for (long village : sql.list("select id from villages order by id", rs -> rs.getLong(1))) {
      assertThat(sql.number("select count(distinct date_trunc('month', meeting_date))"
          + " from award_batches where village_id = ? and title like '%评议'", village))
          .isEqualTo(DemoHistory.MONTHS);
      assertThat(sql.number("select count(*) from award_batches where village_id = ?"
          + " and status = 'NOTICE'", village)).as("the newest meeting is on the notice board")
          .isGreaterThanOrEqualTo(1);
      assertThat(sql.number("select count(*) from rating_round_stats where village_id = ?",
          village)).isEqualTo(2);
      assertThat(sql.number("select count(distinct date_trunc('month', created_at"
          + " at time zone 'Asia/Shanghai')) from redemptions where village_id = ?", village))
          .isGreaterThanOrEqualTo(4);
      assertThat(sql.number("select count(*) from donations where village_id = ?", village))
          .isEqualTo(DemoHistory.MONTHS);
      // no redemption dated in this month or later: history lies before today
      assertThat(sql.number("select count(*) from redemptions where village_id = ? and"
          + " created_at >= ?::date", village, java.sql.Date.valueOf(now.atDay(1)))).isZero();
      assertThat(verifier.verify(village, null).ok()).isTrue();
      assertThat(sql.number("select count(*) from inspections where village_id = ?", village))
          .isEqualTo(2);
      assertThat(sql.list("select status || (case when status = 'OPEN' and deadline <"
          + " current_date then '-overdue' else '' end) from rectification_tasks"
          + " where village_id = ? and kind = 'FINDING' order by id", rs -> rs.getString(1),
          village)).as("one finding verified, one overdue").startsWith("VERIFIED", "OPEN-overdue");
    }
    assertThat(sql.number("select count(*) from ledger_accounts where kind = 'HOUSEHOLD'"
        + " and balance > 0")).isGreaterThan(250);
  }

  @Test
  void theDocumentedDemoAccountsExist() {
    for (String u : List.of("district", "zhengcha", "lixin-committee", "lixin-leader",
        "lixin-shop", "ailin-committee", "ailin-shop")) {
      assertThat(api().login(u, "demo123")).as(u).isNotBlank();
    }
    assertThat(api().login("lixin-h001", "123456")).isNotBlank();
  }
}
