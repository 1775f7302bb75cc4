package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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

/** A product's photo: set, replaced and removed by the village's shop staff; read by all. */
@Tag(name = "shop")
@Controller("/api/products/{id}/photo")
@Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.SHOP_ATTENDANT})
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductPhotoController {

  private final ProductPhotos photos;

  ProductPhotoController(ProductPhotos photos) {
    this.photos = photos;
  }

  @Operation(summary = "Set or replace a product's photo (multipart file: JPG/PNG/WebP, ≤ 2 MB)")
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  ProductResponse put(long id, CompletedFileUpload file, Authentication auth) {
    return photos.put(Caller.of(auth), id, PhotoUpload.bytesOf(file));
  }

  @Operation(summary = "Remove a product's photo (the counter shows a placeholder)")
  @Delete
  ProductResponse remove(long id, Authentication auth) {
    return photos.remove(Caller.of(auth), id);
  }

  @Operation(summary = "A product's photo; with ?v= of the current version cacheable for a year")
  @Get(produces = {"image/jpeg", "image/png", "image/webp"})
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
      Role.Names.SHOP_ATTENDANT, Role.Names.GROUP_LEADER, Role.Names.VILLAGER})
  HttpResponse<byte[]> photo(long id, @Nullable @QueryValue String v,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, Authentication auth) {
    PhotoUpload.Photo photo = photos.read(Caller.of(auth), id);
    return PhotoReply.of(photo, ifNoneMatch, PhotoReply.version(photo.sha256()).equals(v));
  }
}
