package org.villagepoints.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import io.swagger.v3.oas.annotations.Hidden;
import org.villagepoints.common.ApiException;

/**
 * The front end's GET catch-all would otherwise make every unknown API path look like a
 * wrong method (405). Writes to an unknown path answer 404; to a known path with another
 * method, 405.
 */
@Hidden
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiFallbackController {

  private final Router router;

  ApiFallbackController(Router router) {
    this.router = router;
  }

  @Post("/{+path}")
  void post(String path, HttpRequest<?> request) {
    reject(request);
  }

  @Put("/{+path}")
  void put(String path, HttpRequest<?> request) {
    reject(request);
  }

  @Delete("/{+path}")
  void delete(String path, HttpRequest<?> request) {
    reject(request);
  }

  @Patch("/{+path}")
  void patch(String path, HttpRequest<?> request) {
    reject(request);
  }

  private void reject(HttpRequest<?> request) {
    boolean known = router.findAny(request).stream()
        .map(UriRouteMatch::getRouteInfo)
        .anyMatch(route -> !route.getDeclaringType().equals(ApiFallbackController.class)
            && !route.getDeclaringType().equals(FrontendController.class));
    if (known) {
      throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持这种请求方式");
    }
    throw ApiException.notFound("NOT_FOUND", "找不到请求的内容");
  }
}
