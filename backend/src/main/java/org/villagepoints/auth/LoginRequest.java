package org.villagepoints.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record LoginRequest(
    @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {}
