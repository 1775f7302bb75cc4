package org.villagepoints.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "auth")
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

  private final LoginService logins;
  private final ClientAddress clientAddress;

  LoginController(LoginService logins, ClientAddress clientAddress) {
    this.logins = logins;
    this.clientAddress = clientAddress;
  }

  @Operation(summary = "Log in with username and password (villagers: household login and PIN)")
  @Post("/login")
  TokenResponse login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
    return logins.login(body, clientAddress.of(request));
  }

  @Operation(summary = "Swap a refresh token for new tokens (the old refresh token stops working)")
  @Post("/token/refresh")
  TokenResponse refresh(@Body @Valid RefreshRequest body) {
    return logins.refresh(body);
  }

  @Operation(summary = "Revoke a refresh token")
  @Post("/logout")
  HttpResponse<Void> logout(@Body @Valid RefreshRequest body) {
    logins.logout(body);
    return HttpResponse.noContent();
  }
}
