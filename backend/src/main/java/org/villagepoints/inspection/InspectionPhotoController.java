package org.villagepoints.inspection;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.common.PhotoUpload;

/**
 * Photos of inspections: a finding's (taken on the visit by town or district staff) and a
 * task's after rectification (by the committee); read by everyone who sees the village's tasks.
 */
@Tag(name = "inspections")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class InspectionPhotoController {

  private final InspectionPhotos photos;

  InspectionPhotoController(InspectionPhotos photos) {
    this.photos = photos;
  }

  @Operation(summary = "Attach the photo of a finding (JPG/PNG/WebP, ≤ 5 MB; replaces the"
      + " earlier one)")
  @Post(value = "/findings/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  HttpResponse<Void> attachToFinding(long id, CompletedFileUpload file,
      Authentication auth) {
    photos.attachToFinding(Caller.of(auth), id, PhotoUpload.bytesOf(file));
    return HttpResponse.noContent();
  }

  @Operation(summary = "The photo of a finding")
  @Get(value = "/findings/{id}/photo", produces = {"image/jpeg", "image/png", "image/webp"})
  HttpResponse<byte[]> ofFinding(long id, Authentication auth) {
    InspectionPhotos.Photo p = photos.ofFinding(Caller.of(auth), id);
    return HttpResponse.ok(p.bytes()).contentType(p.contentType())
        .header("Cache-Control", "private, no-cache");
  }

  @Operation(summary = "Attach the photo after rectification (JPG/PNG/WebP, ≤ 5 MB; replaces the"
      + " earlier one)")
  @Post(value = "/tasks/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.Names.VILLAGE_COMMITTEE})
  HttpResponse<Void> attachToTask(long id, CompletedFileUpload file,
      Authentication auth) {
    photos.attachToTask(Caller.of(auth), id, PhotoUpload.bytesOf(file));
    return HttpResponse.noContent();
  }

  @Operation(summary = "The photo after rectification")
  @Get(value = "/tasks/{id}/photo", produces = {"image/jpeg", "image/png", "image/webp"})
  HttpResponse<byte[]> ofTask(long id, Authentication auth) {
    InspectionPhotos.Photo p = photos.ofTask(Caller.of(auth), id);
    return HttpResponse.ok(p.bytes()).contentType(p.contentType())
        .header("Cache-Control", "private, no-cache");
  }
}
