package org.villagepoints.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.auth.UserAdmin.Scope;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.household.NewHousehold;
import org.villagepoints.household.NewHousehold.NewMember;
import org.villagepoints.ledger.ExpiryService;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.rules.RuleCatalog;
import org.villagepoints.standard.Checklist;
import org.villagepoints.standard.Sampling;

/**
 * Loads the demo district through the same services the product uses. Every step finds
 * before it creates, and the whole load is one transaction under an advisory lock, so
 * loading twice (or from two instances at once) changes nothing.
 */
@Singleton
@Requires(property = "vp.demo", value = "true")
public class DemoSeeder implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  public static final String STAFF_PASSWORD = "demo123";
  public static final String VILLAGER_PIN = "123456";
  private static final long LOCK = 0x5650_4445_4d4fL; // "VPDEMO"

  private final RegionAdmin regions;
  private final HouseholdRegistry households;
  private final UserAdmin users;
  private final Sql sql;
  private final RuleCatalog rules;
  private final DemoHistory history;
  private final boolean withHistory;
  private final Checklist checklist;
  private final Sampling sampling;

  DemoSeeder(RegionAdmin regions, HouseholdRegistry households, UserAdmin users, Sql sql,
      RuleCatalog rules, DemoHistory history, Checklist checklist, Sampling sampling,
      @Value("${vp.demo-history:true}") boolean withHistory) {
    this.checklist = checklist;
    this.sampling = sampling;
    this.history = history;
    this.withHistory = withHistory;
    this.regions = regions;
    this.households = households;
    this.users = users;
    this.sql = sql;
    this.rules = rules;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    seed();
  }

  @Transactional
  public void seed() {
    sql.one("select pg_advisory_xact_lock(?)", rs -> 1, LOCK);
    String staffHash = users.hash(STAFF_PASSWORD);
    String pinHash = users.hash(VILLAGER_PIN);
    long district = regions.district(DemoPlaces.DISTRICT);
    users.createHashed("district", staffHash, "江源区管理员", Role.DISTRICT_ADMIN,
        Scope.district(district));
    seedRuleTemplate(district);
    checklist.seedExamples(ExpiryService.SYSTEM, district);
    List<Long> named = new ArrayList<>();
    int villageNo = 0;
    for (DemoPlaces.Town t : DemoPlaces.TOWNS) {
      long town = regions.town(district, t.name());
      users.createHashed(t.adminUsername(), staffHash, t.name() + "管理员", Role.TOWN_ADMIN,
          Scope.town(town));
      for (DemoPlaces.Village v : t.villages()) {
        long village = seedVillage(town, v, new Random(1000L + villageNo++), staffHash, pinHash);
        if (!v.name().contains("示例")) {
          named.add(village);
        }
        if (withHistory) {
          history.write(village, v.slug(), new Random(2000L + villageNo));
        }
      }
    }
    sampling.seedDemonstration(district, java.time.Year.now(Sql.ZONE).getValue(), named);
    LOG.info("Demo data ready: {} villages", villageNo);
  }

  private long seedVillage(long town, DemoPlaces.Village v, Random random, String staffHash,
      String pinHash) {
    long village = regions.village(town, v.name(), v.slug());
    rules.adopt(ExpiryService.SYSTEM, village);
    users.createHashed(v.slug() + "-committee", staffHash, v.name() + "村委",
        Role.VILLAGE_COMMITTEE, Scope.village(village));
    users.createHashed(v.slug() + "-shop", staffHash, v.name() + "超市管理员",
        Role.SHOP_ATTENDANT, Scope.village(village));
    int code = 1;
    for (int g = 1; g <= v.groups(); g++) {
      String leader = name(random);
      long group = regions.group(village, "第" + g + "组", leader, g);
      if (g == 1) {
        users.createHashed(v.slug() + "-leader", staffHash, leader + "（十户长）",
            Role.GROUP_LEADER, Scope.group(village, group));
      }
      int size = 9 + random.nextInt(3);
      for (int i = 0; i < size; i++, code++) {
        String householdCode = "H%03d".formatted(code);
        String head = name(random);
        long household = households.open(new NewHousehold(village, group, householdCode, head,
            v.name() + "第" + g + "组 " + (i + 1) + " 号", null, members(head, random)));
        users.createHashed(v.slug() + "-" + householdCode.toLowerCase(), pinHash, head,
            Role.VILLAGER, Scope.household(village, household));
      }
    }
    return village;
  }

  private void seedRuleTemplate(long district) {
    if (rules.template(district).isEmpty()) {
      DemoRules.TEMPLATE.forEach(r -> rules.createTemplateRule(ExpiryService.SYSTEM, district, r));
    }
  }

  private static List<NewMember> members(String head, Random random) {
    List<NewMember> members = new ArrayList<>(List.of(new NewMember(head, "HEAD")));
    if (random.nextInt(10) < 8) {
      members.add(new NewMember(name(random), "SPOUSE"));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      members.add(new NewMember(head.substring(0, 1) + given(random), "CHILD"));
    }
    if (random.nextInt(10) < 3) {
      members.add(new NewMember(name(random), "PARENT"));
    }
    return members;
  }

  private static String name(Random random) {
    return DemoPlaces.SURNAMES.get(random.nextInt(DemoPlaces.SURNAMES.size())) + given(random);
  }

  private static String given(Random random) {
    return DemoPlaces.GIVEN.get(random.nextInt(DemoPlaces.GIVEN.size()));
  }
}
