package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** PIN: the villager types the household PIN; CONFIRM_NAME: the attendant confirms the head. */
@Serdeable
public record ShopPolicy(@NotNull @Pattern(regexp = "PIN|CONFIRM_NAME") String cardFactor) {}
