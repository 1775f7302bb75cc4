package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.common.PageResponse;
import org.villagepoints.common.Paging;
import org.villagepoints.common.PhotoUpload;

/** Records of goods received and their voucher photos (凭证). */
@Tag(name = "shop")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE,
    Role.Names.SHOP_ATTENDANT})
@ExecuteOn(TaskExecutors.BLOCKING)
class DonationController {

  private final DonationList donations;
  private final DonationVouchers vouchers;

  DonationController(DonationList donations, DonationVouchers vouchers) {
    this.donations = donations;
    this.vouchers = vouchers;
  }

  @Operation(summary = "Donations and purchases, newest first, with goods and voucher photos")
  @Get("/villages/{id}/donations")
  @InScope(village = "id")
  PageResponse<DonationRecord> list(long id, @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return donations.page(id, Paging.of(page, size));
  }

  @Operation(summary = "Attach a voucher photo (multipart file: JPG/PNG/WebP, ≤ 5 MB, at most 5)"
      + "; the same file again answers the voucher already attached (200)")
  @Post(value = "/donations/{id}/vouchers", consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.SHOP_ATTENDANT})
  HttpResponse<VoucherResponse> attach(long id, CompletedFileUpload file, Authentication auth) {
    DonationVouchers.Attached a = vouchers.attach(Caller.of(auth), id, PhotoUpload.bytesOf(file));
    return HttpResponse.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(a.voucher());
  }

  @Operation(summary = "A voucher photo (never changes: cacheable for a year)")
  @Get(value = "/donation-vouchers/{id}", produces = {"image/jpeg", "image/png", "image/webp"})
  HttpResponse<byte[]> photo(long id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String etag,
      Authentication auth) {
    return PhotoReply.of(vouchers.read(Caller.of(auth), id), etag, true);
  }

  @Operation(summary = "Remove a voucher photo attached by mistake (audited)")
  @Delete("/donation-vouchers/{id}")
  @Secured({Role.Names.VILLAGE_COMMITTEE, Role.Names.SHOP_ATTENDANT})
  HttpResponse<Void> remove(long id, Authentication auth) {
    vouchers.remove(Caller.of(auth), id);
    return HttpResponse.noContent();
  }
}
