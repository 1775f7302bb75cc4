package org.villagepoints.award;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.PhotoUpload;

@Tag(name = "awards")
@Controller("/api")
@Secured({Role.Names.VILLAGER, Role.Names.GROUP_LEADER})
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationController {

  private final Applications applications;

  ApplicationController(Applications applications) {
    this.applications = applications;
  }

  @Operation(summary = "Apply for points (申报): villager for the own household, leader for the"
      + " group's")
  @Post("/households/{id}/applications")
  @InScope(household = "id")
  HttpResponse<ApplicationResponse> submit(long id, @Body @Valid ApplicationForm body,
      Authentication auth) {
    return HttpResponse.created(applications.submit(Caller.of(auth), id, body));
  }

  @Operation(summary = "A household's applications and where each stands")
  @Get("/households/{id}/applications")
  @Secured({Role.Names.VILLAGER, Role.Names.GROUP_LEADER, Role.Names.VILLAGE_COMMITTEE})
  @InScope(household = "id")
  List<ApplicationResponse> forHousehold(long id) {
    return applications.forHousehold(id);
  }

  @Operation(summary = "Applications of a village (a group leader: the own group)")
  @Get("/villages/{id}/applications")
  @Secured({Role.Names.GROUP_LEADER, Role.Names.VILLAGE_COMMITTEE})
  @InScope(village = "id")
  List<ApplicationResponse> forVillage(long id, @Nullable @QueryValue String status,
      Authentication auth) {
    return applications.forVillage(Caller.of(auth), id, status);
  }

  @Operation(summary = "First check (初审): PASS, or RETURN with a reason")
  @Post("/applications/{id}/check")
  @Secured({Role.Names.GROUP_LEADER, Role.Names.VILLAGE_COMMITTEE})
  ApplicationResponse check(long id, @Body @Valid CheckForm body, Authentication auth) {
    return applications.check(Caller.of(auth), id, body);
  }

  @Operation(summary = "Attach a photo (JPG/PNG/WebP, ≤ 5 MB, at most 3)")
  @Post(value = "/applications/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<Void> photo(long id, CompletedFileUpload file, Authentication auth) {
    applications.addPhoto(Caller.of(auth), id, PhotoUpload.bytesOf(file));
    return HttpResponse.noContent();
  }
}
