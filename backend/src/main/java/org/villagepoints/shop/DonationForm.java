package org.villagepoints.shop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Goods coming in: a donation (捐赠) or a purchase from village funds (采购). */
@Serdeable
public record DonationForm(
    @NotNull @Pattern(regexp = "DONATION|PURCHASE") String kind,
    @NotBlank @Size(max = 100) String donorName,
    @NotNull @Pattern(regexp = "ENTERPRISE|PAIRED_UNIT|PERSON|VILLAGE_FUNDS|OTHER") String donorType,
    @NotNull LocalDate occurredOn,
    @Nullable @DecimalMin("0") @DecimalMax("100000000") BigDecimal valueYuan,
    @Nullable @Size(max = 500) String note,
    @NotEmpty @Size(max = 100) List<@Valid Line> items) {

  @Serdeable
  public record Line(@NotNull Long productId, @NotNull @Min(1) @Max(100_000) Long quantity) {}
}
