package org.villagepoints.common;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A failure the caller can understand and fix: it becomes a problem+json answer with this
 * status, stable code and Chinese detail. Throwing it inside a transaction rolls back every
 * change, so bad input changes nothing.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> data;

  public ApiException(HttpStatus status, String code, String detail, Map<String, Object> data) {
    super(detail);
    this.status = status;
    this.code = code;
    this.data = data == null ? Map.of() : data;
  }

  public ApiException(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  public static ApiException badRequest(String code, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiException notFound(String code, String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, code, detail);
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权访问：超出您的管理范围");
  }

  public static ApiException conflict(String code, String detail, Map<String, Object> data) {
    return new ApiException(HttpStatus.CONFLICT, code, detail, data);
  }

  public static ApiException unprocessable(String code, String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> data() {
    return data;
  }

  public Problem toProblem() {
    return Problem.of(status.getCode(), code, getMessage(), data);
  }
}
