package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Identify the household by a phone code, or by a card plus its second factor. */
@Serdeable
public record RedeemRequest(
    @Nullable @Size(max = 200) String qrToken,
    @Nullable @Size(max = 100) String cardCode,
    @Nullable @Size(max = 6) String pin,
    @Nullable Boolean nameConfirmed,
    @NotEmpty @Size(max = 50) List<@Valid Line> items) {

  @Serdeable
  public record Line(@NotNull Long productId, @NotNull @Min(1) @Max(1000) Long quantity) {}
}
