package org.villagepoints.auth;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;
import org.villagepoints.common.ApiException;

@Singleton
@InterceptorBean(InScope.class)
class ScopeInterceptor implements MethodInterceptor<Object, Object>, Ordered {

  private final ScopeGuard guard;

  ScopeInterceptor(ScopeGuard guard) {
    this.guard = guard;
  }

  /** Before idempotency and transactions: a caller outside the scope is refused first. */
  @Override
  public int getOrder() {
    return 0;
  }

  @Override
  public Object intercept(MethodInvocationContext<Object, Object> context) {
    String village = context.stringValue(InScope.class, "village").orElse("");
    String household = context.stringValue(InScope.class, "household").orElse("");
    boolean villagers = context.booleanValue(InScope.class, "villagers").orElse(false);
    Caller caller = ServerRequestContext.currentRequest()
        .flatMap(r -> r.getUserPrincipal(Authentication.class))
        .map(Caller::of)
        .orElseThrow(() -> new IllegalStateException("@InScope on an anonymous handler"));
    Map<String, Object> args = context.getParameterValueMap();
    if (!village.isEmpty()) {
      guard.requireVillage(caller, id(args, village), villagers);
    }
    String group = context.stringValue(InScope.class, "group").orElse("");
    if (!group.isEmpty()) {
      guard.requireGroup(caller, id(args, group));
    }
    if (!household.isEmpty()) {
      guard.requireHousehold(caller, id(args, household));
    }
    return context.proceed();
  }

  private static long id(Map<String, Object> args, String name) {
    Object value = args.get(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw ApiException.badRequest("MISSING_VALUE", "缺少必填的参数：" + name);
  }
}
