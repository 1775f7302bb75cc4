package org.villagepoints.rating;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;

@Tag(name = "ratings")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class RatingController {

  private final RatingRounds rounds;
  private final RatingPhotos photos;
  private final ScopeGuard guard;

  RatingController(RatingRounds rounds, RatingPhotos photos, ScopeGuard guard) {
    this.rounds = rounds;
    this.photos = photos;
    this.guard = guard;
  }

  @Operation(summary = "The village's clean-home score sheet (areas, weights, bands, points)")
  @Get("/villages/{id}/rating-sheet")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  RatingSheet sheet(long id) {
    return rounds.sheet(id);
  }

  @Operation(summary = "Change the score sheet")
  @Put("/villages/{id}/rating-sheet")
  @InScope(village = "id")
  RatingSheet saveSheet(long id, @Body @Valid RatingSheet body, Authentication auth) {
    return rounds.saveSheet(Caller.of(auth), id, body);
  }

  @Operation(summary = "Open a rating round (monthly or quarterly)")
  @Post("/villages/{id}/rating-rounds")
  @InScope(village = "id")
  HttpResponse<RoundResponse> open(long id, @Body @Valid RoundForm body, Authentication auth) {
    return HttpResponse.created(rounds.round(rounds.open(Caller.of(auth), id, body)));
  }

  @Operation(summary = "A round: progress, clean-household rate, stars, flagged households")
  @Get("/rating-rounds/{id}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  RoundResponse round(long id, Authentication auth) {
    guard.requireVillage(Caller.of(auth), rounds.villageOfRound(id), false);
    return rounds.round(id);
  }

  @Operation(summary = "All ratings of a round")
  @Get("/rating-rounds/{id}/ratings")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
  List<RatingResponse> ratings(long id, Authentication auth) {
    guard.requireVillage(Caller.of(auth), rounds.villageOfRound(id), false);
    return rounds.forRound(id);
  }

  @Operation(summary = "Rate one household (again while the round is open)")
  @Put("/rating-rounds/{id}/ratings/{householdId}")
  @InScope(household = "householdId")
  RatingResponse rate(long id, long householdId, @Body @Valid RateForm body,
      Authentication auth) {
    return rounds.rate(Caller.of(auth), id, householdId, body);
  }

  @Operation(summary = "Attach a photo to a household's rating (JPG/PNG/WebP, ≤ 5 MB; replaces"
      + " the earlier one)")
  @Post(value = "/rating-rounds/{id}/ratings/{householdId}/photo",
      consumes = MediaType.MULTIPART_FORM_DATA)
  @InScope(household = "householdId")
  HttpResponse<Void> attachPhoto(long id, long householdId, CompletedFileUpload file,
      Authentication auth) {
    try {
      photos.attach(Caller.of(auth), id, householdId, file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.noContent();
  }

  @Operation(summary = "The photo of a household's rating")
  @Get(value = "/rating-rounds/{id}/ratings/{householdId}/photo",
      produces = {"image/jpeg", "image/png", "image/webp"})
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.VILLAGER})
  @InScope(household = "householdId")
  HttpResponse<byte[]> photo(long id, long householdId) {
    RatingPhotos.Photo photo = photos.photo(id, householdId);
    return HttpResponse.ok(photo.bytes()).contentType(photo.contentType())
        .header("Cache-Control", "private, no-cache");
  }

  @Operation(summary = "Close the round: stars become a meeting batch for approval")
  @Post("/rating-rounds/{id}/close")
  RoundResponse close(long id, Authentication auth) {
    guard.requireVillage(Caller.of(auth), rounds.villageOfRound(id), false);
    rounds.close(Caller.of(auth), id);
    return rounds.round(id);
  }

  @Operation(summary = "A household's ratings, newest first (its current star is the first)")
  @Get("/households/{id}/ratings")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.GROUP_LEADER, Role.Names.SHOP_ATTENDANT, Role.Names.VILLAGER})
  @InScope(household = "id")
  List<RatingResponse> forHousehold(long id) {
    return rounds.forHousehold(id);
  }
}
