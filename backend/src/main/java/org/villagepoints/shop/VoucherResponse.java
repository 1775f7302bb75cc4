package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** A voucher photo of a donation or purchase (receipt, certificate); the image is at url. */
@Serdeable
public record VoucherResponse(long id, long donationId, String contentType, int bytes,
    String url, String uploadedBy, OffsetDateTime uploadedAt) {}
