package org.villagepoints.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.villagepoints.common.ApiException;

/** The OpenAPI 3 document generated at compile time from the controllers. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {

  static final String DOCUMENT = "classpath:META-INF/swagger/village-points-1.0.yml";
  private final ResourceResolver resources;

  OpenApiController(ResourceResolver resources) {
    this.resources = resources;
  }

  @Get("/openapi.yml")
  HttpResponse<?> openapi() {
    return resources.getResource(DOCUMENT)
        .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.of("application/yaml")))
        .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "找不到接口文档"));
  }
}
