package org.villagepoints.event;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The scanned QR code ({@code VPE1.…}) or the 6-digit code typed by hand. */
@Serdeable
public record CheckInForm(@NotBlank @Size(max = 100) String code) {}
