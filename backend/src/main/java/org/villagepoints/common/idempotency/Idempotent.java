package org.villagepoints.common.idempotency;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Makes an effectful POST safe to retry: with an {@code Idempotency-Key} header, the first
 * request's answer (status and body) is stored in the same transaction as its effect, and a
 * retry with the same key and the same request gets that answer back without a second
 * effect. The same key with a different request is refused (422 IDEMPOTENCY_KEY_REUSED).
 * Keys are unique per village; name the argument that identifies the village (directly, via
 * a household or via a ledger transfer). The handler must return {@code HttpResponse}.
 */
@Documented
@Retention(RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Idempotent {

  /** Whether a request without the header is refused (400 IDEMPOTENCY_KEY_REQUIRED). */
  boolean required() default false;

  String village() default "";

  String household() default "";

  String transfer() default "";

  /** Keys scoped to the caller's own village (village staff acting at the counter). */
  boolean callerVillage() default false;
}
