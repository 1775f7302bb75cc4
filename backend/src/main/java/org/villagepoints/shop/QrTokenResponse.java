package org.villagepoints.shop;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

@Serdeable
public record QrTokenResponse(String token, OffsetDateTime expiresAt, long lifetimeSeconds) {}
