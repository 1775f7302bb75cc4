package org.villagepoints.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URL;
import java.util.Optional;
import org.villagepoints.common.ApiException;

/**
 * Serves the built Vue app from {@code classpath:public}. Any other GET outside {@code /api}
 * answers {@code index.html} so that the app's history-mode routes survive a reload.
 * Hashed assets are cached for a year; {@code index.html} is always revalidated.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FrontendController {

  private final ResourceResolver resources;

  FrontendController(ResourceResolver resources) {
    this.resources = resources;
  }

  @Get
  HttpResponse<StreamedFile> index() {
    return serve("index.html");
  }

  @Get("/{+path}")
  HttpResponse<StreamedFile> asset(String path) {
    if (path.startsWith("api/") || path.equals("api")) {
      throw ApiException.notFound("NOT_FOUND", "找不到请求的内容");
    }
    if (path.contains("..") || path.contains("\\")) {
      throw ApiException.notFound("NOT_FOUND", "找不到请求的内容");
    }
    Optional<URL> file = path.endsWith("/") ? Optional.empty()
        : resources.getResource("classpath:public/" + path);
    if (file.isPresent()) {
      MutableHttpResponse<StreamedFile> response = HttpResponse.ok(new StreamedFile(file.get()));
      String cache = path.startsWith("assets/")
          ? "public, max-age=31536000, immutable" : "public, max-age=3600";
      return response.header("Cache-Control", cache);
    }
    if (path.startsWith("assets/") || path.matches(".*\\.[a-zA-Z0-9]{1,5}$")) {
      throw ApiException.notFound("NOT_FOUND", "找不到请求的文件");
    }
    return serve("index.html");
  }

  private HttpResponse<StreamedFile> serve(String name) {
    URL url = resources.getResource("classpath:public/" + name)
        .orElseThrow(() -> ApiException.notFound("FRONTEND_MISSING", "前端页面未构建"));
    return HttpResponse.ok(new StreamedFile(url))
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Cache-Control", "no-cache");
  }
}
