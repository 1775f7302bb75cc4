package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;

/** Yearly self-checks: the committee fills and submits, the town reviews, all read in scope. */
@Tag(name = "standard")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class SelfCheckController {

  private final SelfChecks checks;
  private final SelfCheckReview review;
  private final ScopeGuard guard;

  SelfCheckController(SelfChecks checks, SelfCheckReview review, ScopeGuard guard) {
    this.checks = checks;
    this.review = review;
    this.guard = guard;
  }

  @Operation(summary = "Open (or answer the existing) self-check of a village for a year")
  @Post("/villages/{id}/self-checks")
  @InScope(village = "id")
  SelfCheckResponse open(long id, @Body @Valid YearForm body, Authentication auth) {
    return checks.open(Caller.of(auth), id, body.year());
  }

  @Operation(summary = "A village's self-checks, newest year first")
  @Get("/villages/{id}/self-checks")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  List<SelfCheckSummary> forVillage(long id) {
    return checks.list("c.village_id = ?", id);
  }

  @Operation(summary = "A town's self-checks (status=SUBMITTED: the review queue)")
  @Get("/towns/{id}/self-checks{?status}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  List<SelfCheckSummary> forTown(long id, @Nullable @QueryValue String status,
      Authentication auth) {
    guard.requireTown(Caller.of(auth), id);
    return status == null ? checks.list("v.town_id = ?", id)
        : checks.list("v.town_id = ? and c.status = ?", id, status);
  }

  @Operation(summary = "A self-check with its answers, suggestions and score")
  @Get("/self-checks/{id}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  SelfCheckResponse get(long id, Authentication auth) {
    return checks.get(Caller.of(auth), id);
  }

  @Operation(summary = "Answer one item: met or not, with a note")
  @Put("/self-checks/{id}/answers/{answerId}")
  SelfCheckResponse answer(long id, long answerId, @Body @Valid AnswerForm body,
      Authentication auth) {
    return checks.answer(Caller.of(auth), id, answerId, body);
  }

  @Operation(summary = "Attach an evidence photo to an answer (JPG/PNG/WebP, ≤ 5 MB, at most 3)")
  @Post(value = "/self-checks/{id}/answers/{answerId}/photos",
      consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<Map<String, Long>> photo(long id, long answerId, CompletedFileUpload file,
      Authentication auth) {
    try {
      return HttpResponse.created(Map.of("id",
          checks.addPhoto(Caller.of(auth), id, answerId, file.getBytes())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Operation(summary = "An evidence photo")
  @Get(value = "/self-check-photos/{id}", produces = {"image/jpeg", "image/png", "image/webp"})
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  HttpResponse<byte[]> photoBytes(long id, Authentication auth) {
    Object[] p = checks.photo(Caller.of(auth), id);
    return HttpResponse.ok((byte[]) p[1]).contentType((String) p[0]);
  }

  @Operation(summary = "Submit for the town's review (every item answered)")
  @Post("/self-checks/{id}/submit")
  SelfCheckResponse submit(long id, Authentication auth) {
    return checks.submit(Caller.of(auth), id);
  }

  @Operation(summary = "The town's review: agree/disagree per item, then APPROVE or RETURN")
  @Post("/self-checks/{id}/review")
  @Secured({Role.Names.TOWN_ADMIN})
  SelfCheckResponse review(long id, @Body @Valid ReviewForm body, Authentication auth) {
    return review.review(Caller.of(auth), id, body);
  }
}
