package org.villagepoints.auth;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares which path or query argument names the village or household that a handler acts
 * on; {@link ScopeInterceptor} checks the caller's scope before the handler runs (404 for an
 * unknown id, 403 outside the scope). Every handler taking a village or household id carries
 * it, so scope checks are declared, never hand-written in controllers.
 */
@Documented
@Retention(RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface InScope {

  /** Name of the argument holding a village id. */
  String village() default "";

  /** Name of the argument holding a ten-household group id. */
  String group() default "";

  /** Name of the argument holding a household id. */
  String household() default "";

  /** Whether villagers of the village may read it (e.g. its rule catalogue). */
  boolean villagers() default false;
}
