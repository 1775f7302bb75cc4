package org.villagepoints.common;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error Micronaut itself produces (bad JSON, failed validation, 401, 403, 404, 405,
 * 413, 415, and unexpected failures) goes through here and leaves as problem+json with a
 * stable code and a Chinese detail. No stack trace or exception text ever reaches a client.
 * A failure caused by an unreachable database becomes 503 DATABASE_UNAVAILABLE with
 * Retry-After (see {@link DatabaseUnavailable}), never a 500.
 */
@Primary
@Singleton
class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.getStatus().getCode();
    Throwable cause = context.getRootCause().orElse(null);
    if (status >= 500 && DatabaseUnavailable.causedBy(cause)) {
      // The database is away, not the service broken: 503, and the client retries later.
      LOG.warn("Database unavailable on {} {}: {}", context.getRequest().getMethod(),
          context.getRequest().getPath(), cause.toString());
      return finish(context, response.status(503)
          .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)),
          DatabaseUnavailable.problem());
    }
    Problem problem = problemFor(status, cause);
    if (status >= 500) {
      LOG.error("Unexpected failure on {} {}", context.getRequest().getMethod(),
          context.getRequest().getPath(), cause);
    }
    return finish(context, response, problem);
  }

  private static MutableHttpResponse<Problem> finish(ErrorContext context,
      MutableHttpResponse<?> response, Problem problem) {
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return response.contentType(Problem.MEDIA_TYPE).body(null);
    }
    return response.contentType(Problem.MEDIA_TYPE).body(problem);
  }

  static Problem problemFor(int status, Throwable cause) {
    if (cause instanceof ApiException api && api.status().getCode() == status) {
      return api.toProblem();
    }
    return switch (status) {
      case 400 -> badRequest(cause);
      case 401 -> Problem.of(401, "UNAUTHORIZED", "请先登录，或登录已过期，请重新登录", null);
      case 403 -> Problem.of(403, "FORBIDDEN", "无权访问：超出您的管理范围", null);
      case 404 -> Problem.of(404, "NOT_FOUND", "找不到请求的内容", null);
      case 405 -> Problem.of(405, "METHOD_NOT_ALLOWED", "不支持这种请求方式", null);
      case 406 -> Problem.of(406, "NOT_ACCEPTABLE", "无法按要求的格式返回内容", null);
      case 409 -> Problem.of(409, "CONFLICT", "操作与当前数据冲突，请刷新后重试", null);
      case 413 -> Problem.of(413, "PAYLOAD_TOO_LARGE", "提交的内容太大（上限 1 MB）", null);
      case 415 -> Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "提交的内容格式不受支持，请使用 JSON", null);
      case 422 -> Problem.of(422, "UNPROCESSABLE", "提交的内容不符合规则", null);
      case 429 -> Problem.of(429, "TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试", null);
      case 503 -> Problem.of(503, "UNAVAILABLE", "服务暂时不可用，请稍后再试", null);
      default -> status >= 500
          ? Problem.of(status, "INTERNAL_ERROR", "服务器出错了，请稍后再试；如果一再出现，请联系管理员", null)
          : Problem.of(status, "ERROR", "请求未能完成", null);
    };
  }

  private static Problem badRequest(Throwable cause) {
    if (cause instanceof ConstraintViolationException cve) {
      Map<String, Object> fields = cve.getConstraintViolations().stream()
          .collect(Collectors.toMap(ProblemResponseProcessor::field,
              ProblemResponseProcessor::chinese, (a, b) -> a));
      String list = fields.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).sorted().collect(Collectors.joining("；"));
      return Problem.of(400, "VALIDATION_FAILED", "填写有误：" + list, Map.of("fields", fields));
    }
    if (cause instanceof ConversionErrorException conversion) {
      String argument = conversion.getArgument().getName();
      return "body".equals(argument)
          ? Problem.of(400, "MALFORMED_JSON", "提交的内容不是有效的 JSON，或字段类型不对", null)
          : Problem.of(400, "INVALID_VALUE", "参数 " + argument + " 的值无效", null);
    }
    String name = cause == null ? "" : cause.getClass().getName();
    if (name.contains("Json") || name.contains("Serde") || name.contains("Codec")) {
      return Problem.of(400, "MALFORMED_JSON", "提交的内容不是有效的 JSON，或字段类型不对", null);
    }
    if (name.contains("UnsatisfiedRoute") || name.contains("UnsatisfiedArgument")) {
      return Problem.of(400, "MISSING_VALUE", "缺少必填的参数", null);
    }
    return Problem.of(400, "BAD_REQUEST", "请求格式有误，请检查填写的内容", null);
  }

  private static String field(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    int dot = path.lastIndexOf('.');
    return dot >= 0 ? path.substring(dot + 1) : path;
  }

  private static String chinese(ConstraintViolation<?> v) {
    String type = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (type) {
      case "NotBlank", "NotEmpty", "NotNull" -> "不能为空";
      case "Size" -> "长度不符合要求";
      case "Min", "Max", "Positive", "PositiveOrZero", "Negative", "DecimalMin", "DecimalMax" ->
          "数值超出允许范围";
      case "Pattern" -> "格式不正确";
      case "Email" -> "不是有效的邮箱";
      case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> "日期不在允许范围内";
      default -> "不符合要求";
    };
  }
}
