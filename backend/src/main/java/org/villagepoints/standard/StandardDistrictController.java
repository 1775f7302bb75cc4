package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.ops.ReadRouting;

/** District-level 擂台赛 (ranking rounds) and 抽查验收 (sampling acceptance). */
@Tag(name = "standard")
@Controller("/api/districts/{id}")
@Secured({Role.Names.DISTRICT_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class StandardDistrictController {

  private final Rankings rankings;
  private final Sampling sampling;
  private final SelfChecks checks;
  private final ScopeGuard guard;
  private final ReadRouting reads;

  StandardDistrictController(Rankings rankings, Sampling sampling, SelfChecks checks,
      ScopeGuard guard, ReadRouting reads) {
    this.rankings = rankings;
    this.sampling = sampling;
    this.checks = checks;
    this.guard = guard;
    this.reads = reads;
  }

  private Caller own(Authentication auth, long id) {
    Caller caller = Caller.of(auth);
    guard.requireDistrict(caller, id);
    return caller;
  }

  private static int year(Integer year) {
    return year != null ? year : java.time.Year.now(org.villagepoints.common.Sql.ZONE).getValue();
  }

  @Operation(summary = "The district's self-checks of a year (default: this year)")
  @Get("/self-checks{?year}")
  List<SelfCheckSummary> selfChecks(long id, @Nullable @QueryValue Integer year,
      Authentication auth) {
    own(auth, id);
    return checks.list("v.district_id = ? and c.year = ?", id, year(year));
  }

  @Operation(summary = "Ranking rounds (擂台赛), newest first")
  @Get("/ranking-rounds")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  List<RankingResponse.Round> rounds(long id, Authentication auth) {
    own(auth, id);
    return rankings.rounds(id);
  }

  @Operation(summary = "Create a ranking round (villages default to all of the district)")
  @Post("/ranking-rounds")
  HttpResponse<RankingResponse> createRound(long id, @Body @Valid RoundForm body,
      Authentication auth) {
    long round = rankings.create(own(auth, id), id, body);
    return HttpResponse.created(rankings.ranking(id, round));
  }

  @Operation(summary = "The ranked table of a round (default: the latest) with the formula")
  @Get("/ranking{?roundId}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  RankingResponse ranking(long id, @Nullable @QueryValue Long roundId, Authentication auth) {
    own(auth, id);
    return reads.read(() -> rankings.ranking(id, roundId)).value();
  }

  @Operation(summary = "The ranked table as CSV (UTF-8 with BOM)")
  @Get(value = "/ranking.csv{?roundId}", produces = "text/csv")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  HttpResponse<byte[]> rankingCsv(long id, @Nullable @QueryValue Long roundId,
      Authentication auth) {
    own(auth, id);
    return HttpResponse.ok(RankingCsv.write(reads.read(() -> rankings.ranking(id, roundId))
            .value()))
        .header("Content-Disposition", "attachment; filename=\"ranking.csv\"");
  }

  @Operation(summary = "Choose the round's 擂主村 (a village of the round)")
  @Put("/ranking-rounds/{roundId}/champion")
  RankingResponse.Round champion(long id, long roundId, @Body ChampionForm body,
      Authentication auth) {
    return rankings.champion(own(auth, id), id, roundId, body.villageId());
  }

  @Operation(summary = "The year's demonstration villages (sampling candidates)")
  @Get("/demonstration-villages{?year}")
  List<Long> demonstration(long id, @Nullable @QueryValue Integer year, Authentication auth) {
    own(auth, id);
    return sampling.demonstration(id, year(year));
  }

  @Operation(summary = "Set the year's demonstration villages")
  @Put("/demonstration-villages{?year}")
  List<Long> setDemonstration(long id, @Nullable @QueryValue Integer year, @Body @Valid DemonstrationForm body,
      Authentication auth) {
    return sampling.setDemonstration(own(auth, id), id, year(year), body.villageIds());
  }

  @Operation(summary = "Draw a sample of demonstration villages (seed optional, recorded)")
  @Post("/samples")
  HttpResponse<SampleResponse> draw(long id, @Body @Valid SampleForm body, Authentication auth) {
    return HttpResponse.created(sampling.get(id, sampling.draw(own(auth, id), id, body)));
  }

  @Operation(summary = "The district's samples, newest first")
  @Get("/samples")
  List<SampleResponse> samples(long id, Authentication auth) {
    own(auth, id);
    return sampling.list(id);
  }

  @Operation(summary = "A sample with its results")
  @Get("/samples/{sampleId}")
  SampleResponse sample(long id, long sampleId, Authentication auth) {
    own(auth, id);
    return sampling.get(id, sampleId);
  }

  @Operation(summary = "Recompute the draw from its seed and candidates and compare")
  @Get("/samples/{sampleId}/redraw")
  SampleResponse.Redraw redraw(long id, long sampleId, Authentication auth) {
    own(auth, id);
    return sampling.redraw(id, sampleId);
  }

  @Operation(summary = "Record the acceptance result of a sampled village")
  @Put("/samples/{sampleId}/results/{villageId}")
  SampleResponse result(long id, long sampleId, long villageId, @Body @Valid ResultForm body,
      Authentication auth) {
    return sampling.record(own(auth, id), id, sampleId, villageId, body);
  }
}
