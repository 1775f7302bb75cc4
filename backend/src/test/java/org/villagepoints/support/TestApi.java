package org.villagepoints.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for tests: never throws on 4xx/5xx, parses JSON answers. */
public final class TestApi {

  public static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestApi(URI base) {
    this.base = base;
  }

  public record Res(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public String code() {
      return json().path("code").asText();
    }
  }

  public String login(String username, String password) {
    Res res = post("/api/login", Map.of("username", username, "password", password), null);
    if (res.status() != 200) {
      throw new AssertionError("login " + username + " failed: " + res.status() + " " + res.body());
    }
    return res.json().path("access_token").asText();
  }

  public Res get(String path, String token) {
    return send(request(path, token).header("Accept", "application/json").GET());
  }

  public Res post(String path, Object body, String token) {
    return post(path, body, token, Map.of());
  }

  public Res post(String path, Object body, String token, Map<String, String> headers) {
    HttpRequest.Builder b = request(path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
    headers.forEach(b::header);
    return send(b);
  }

  public Res send(String method, String path, String contentType, String body, String token) {
    return send(method, path, contentType, body, token, Map.of());
  }

  public Res send(String method, String path, String contentType, String body, String token,
      Map<String, String> headers) {
    HttpRequest.Builder b = request(path, token).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    return send(b);
  }

  /** A file download as a browser asks for it (Accept: any type). */
  public Res download(String path, String token) {
    return send(request(path, token).header("Accept", "*/*").GET());
  }

  /** A binary answer (a spreadsheet, a PDF) with its headers. */
  public record Bytes(int status, Map<String, java.util.List<String>> headers, byte[] body) {
    public String header(String name) {
      return new Res(status, headers, "").header(name);
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** A file download as a browser asks for it, kept as bytes. */
  public Bytes bytes(String path, String token) {
    HttpRequest req = request(path, token).header("Accept", "*/*").GET().build();
    try {
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * A download read as it arrives (for large files), with a longer timeout than other calls.
   */
  public HttpResponse<java.io.InputStream> stream(String path, String token) {
    HttpRequest req = request(path, token).header("Accept", "*/*")
        .timeout(Duration.ofMinutes(5)).GET().build();
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A multipart/form-data upload of one file in the field {@code file}. */
  public Res upload(String path, String filename, byte[] content, String token) {
    String boundary = "----vp" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    body.writeBytes(head);
    body.writeBytes(content);
    body.writeBytes(tail);
    return send(request(path, token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A binary answer (photos), read as bytes; extra request headers such as If-None-Match. */
  public HttpResponse<byte[]> bytes(String path, String token, String... headerPairs) {
    HttpRequest.Builder b = request(path, token).header("Accept", "*/*").GET();
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      b.header(headerPairs[i], headerPairs[i + 1]);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Res send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
