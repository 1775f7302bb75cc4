package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.villagepoints.award.AwardPosting;
import org.villagepoints.common.Sql;
import org.villagepoints.support.ApiTest;
import org.villagepoints.support.Fixture;
import org.villagepoints.support.TestDatabase;

/** Scheduled jobs run on one instance at a time, through a PostgreSQL advisory lock. */
@MicronautTest(transactional = false)
class JobLocksTest extends ApiTest {

  @Inject JobLocks locks;
  @Inject AwardPosting posting;
  @Inject Sql sql;
  @Inject MeterRegistry registry;
  @Value("${datasources.default.url}") String url;

  @Test
  void twoRunsAtOnceOnlyOneDoesTheWorkAndTheOtherSkips() throws Exception {
    Fixture f = new Fixture(sql);
    String committee = api().login("lixin-committee", "demo123");
    long village = f.village("lixin");
    long household = f.household("lixin", "H031");
    long rule = 0;
    for (var r : api().get("/api/villages/" + village + "/rules", committee).json()) {
      if (r.path("name").asText().equals("婚事新办、丧事简办")) {
        rule = r.path("id").asLong();
      }
    }
    long batch = api().post("/api/villages/" + village + "/award-batches", Map.of("title", "锁测试",
            "meetingDate", LocalDate.now(Sql.ZONE).toString(), "items",
            List.of(Map.of("householdId", household, "ruleId", rule))), committee,
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).json().path("id").asLong();
    api().post("/api/award-batches/" + batch + "/approve", "{}", committee);
    Instant later = Instant.now().plus(Duration.ofDays(30));

    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger posted = new AtomicInteger();
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() ->
        locks.runExclusive("award-posting-test", () -> {
          inside.countDown();
          await(release);
          posted.addAndGet(posting.postDue(later));
        }));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    boolean second = locks.runExclusive("award-posting-test",
        () -> posted.addAndGet(posting.postDue(later)));
    // Another job is not held up by this one.
    assertThat(locks.runExclusive("another-job", () -> { })).isTrue();
    release.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second).isFalse();
    assertThat(posted.get()).isEqualTo(1);
    assertThat(sql.number("select count(*) from award_items where batch_id = ?"
        + " and transfer_id is not null", batch)).isEqualTo(1);
    // The lock ends with its run: the next run gets it, and finds nothing left to post.
    assertThat(locks.runExclusive("award-posting-test",
        () -> posted.addAndGet(posting.postDue(later)))).isTrue();
    assertThat(posted.get()).isEqualTo(1);
    assertThat(runs("award-posting-test", "ran")).isEqualTo(2);
    assertThat(runs("award-posting-test", "skipped")).isEqualTo(1);
  }

  @Test
  void anotherInstanceHoldingTheJobMakesThisOneSkipUntilItsConnectionEnds() throws Exception {
    String job = "held-elsewhere";
    AtomicInteger ran = new AtomicInteger();
    try (Connection other = DriverManager.getConnection(url, TestDatabase.get().user(),
        TestDatabase.get().password())) {
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement(
          "select pg_try_advisory_xact_lock(?, ?)")) {
        ps.setInt(1, JobLocks.JOB_LOCK_CLASS);
        ps.setInt(2, job.hashCode());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).isTrue();
        }
      }
      assertThat(lockGoneWithin(job, Duration.ZERO)).as("the held lock is visible").isFalse();
      assertThat(locks.runExclusive(job, ran::incrementAndGet)).isFalse();
      assertThat(ran).hasValue(0);
    } // the other "instance" dies: its connection closes and PostgreSQL drops the lock
    // Closing a connection only sends Terminate; its backend ends (and frees the lock) a moment
    // later, so wait for PostgreSQL to show the lock gone before expecting the next run.
    assertThat(lockGoneWithin(job, Duration.ofSeconds(10))).isTrue();
    assertThat(locks.runExclusive(job, ran::incrementAndGet)).isTrue();
    assertThat(ran).hasValue(1);
  }

  @Test
  void aFailingRunIsCountedAndReleasesTheLock() {
    assertThat(locks.runExclusive("failing-job", () -> {
      throw new IllegalStateException("boom");
    })).isTrue();
    assertThat(runs("failing-job", "failed")).isEqualTo(1);
    assertThat(locks.runExclusive("failing-job", () -> { })).isTrue();
    assertThat(runs("failing-job", "ran")).isEqualTo(1);
  }

  private boolean lockGoneWithin(String job, Duration bound) throws InterruptedException {
    Instant until = Instant.now().plus(bound);
    while (sql.number("select count(*) from pg_locks where locktype = 'advisory'"
        + " and classid = ?::oid and objid = ?::oid and objsubid = 2",
        (long) JobLocks.JOB_LOCK_CLASS, Integer.toUnsignedLong(job.hashCode())) > 0) {
      if (Instant.now().isAfter(until)) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private double runs(String job, String outcome) {
    var counter = registry.find("vp.job.runs").tag("job", job).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
