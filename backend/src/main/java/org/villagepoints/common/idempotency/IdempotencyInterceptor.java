package org.villagepoints.common.idempotency;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

@Singleton
@InterceptorBean(Idempotent.class)
class IdempotencyInterceptor implements MethodInterceptor<Object, Object>, Ordered {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");
  private final IdempotencyStore store;
  private final Sql sql;
  private final ScopeGuard guard;
  private final JsonMapper json;

  IdempotencyInterceptor(IdempotencyStore store, Sql sql, ScopeGuard guard, JsonMapper json) {
    this.store = store;
    this.sql = sql;
    this.guard = guard;
    this.json = json;
  }

  /** After the scope check ({@code @InScope}), so a refused caller never spends a key. */
  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public Object intercept(MethodInvocationContext<Object, Object> context) {
    HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
    String key = request.getHeaders().get(HEADER);
    boolean required = context.booleanValue(Idempotent.class, "required").orElse(false);
    if (key == null || key.isBlank()) {
      if (required) {
        throw ApiException.badRequest("IDEMPOTENCY_KEY_REQUIRED",
            "缺少请求编号（Idempotency-Key），请刷新页面后重试");
      }
      return context.proceed();
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID",
          "请求编号（Idempotency-Key）格式不对：8 到 100 位字母、数字或 _.:-");
    }
    Long userId = request.getUserPrincipal(Authentication.class)
        .map(a -> Caller.of(a).userId()).orElse(null);
    long village = context.booleanValue(Idempotent.class, "callerVillage").orElse(false)
        ? request.getUserPrincipal(Authentication.class).map(a -> Caller.of(a).villageId())
            .orElseThrow(ApiException::forbidden)
        : village(context);
    String fingerprint = fingerprint(request, context);
    return store.execute(village, key, fingerprint, userId, context::proceed);
  }

  private long village(MethodInvocationContext<Object, Object> context) {
    Map<String, Object> args = context.getParameterValueMap();
    String village = context.stringValue(Idempotent.class, "village").orElse("");
    if (!village.isEmpty()) {
      return ((Number) args.get(village)).longValue();
    }
    String household = context.stringValue(Idempotent.class, "household").orElse("");
    if (!household.isEmpty()) {
      return guard.villageOf(((Number) args.get(household)).longValue());
    }
    String transfer = context.stringValue(Idempotent.class, "transfer").orElse("");
    return sql.one("select village_id from ledger_transfers where id = ?", rs -> rs.getLong(1),
            ((Number) args.get(transfer)).longValue())
        .orElseThrow(() -> ApiException.notFound("TRANSFER_NOT_FOUND", "找不到这笔积分记录"));
  }

  /** Method, path and the bound body: a retry must be the same request. */
  private String fingerprint(HttpRequest<?> request, MethodInvocationContext<Object, Object> ctx) {
    StringBuilder canonical = new StringBuilder(request.getMethodName()).append(' ')
        .append(request.getPath()).append('\n');
    for (MutableArgumentValue<?> arg : ctx.getParameters().values()) {
      if (arg.isAnnotationPresent(Body.class)) {
        try {
          canonical.append(json.writeValueAsString(arg.getValue()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
