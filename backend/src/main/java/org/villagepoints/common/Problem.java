package org.villagepoints.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * RFC 9457 problem details. {@code code} is stable and upper-case (clients switch on it);
 * {@code detail} is one plain Chinese sentence a shop attendant can read aloud. Optional
 * {@code data} carries figures the client may show (e.g. the points still missing).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String code, String detail, Map<String, Object> data) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String code, String detail, Map<String, Object> data) {
    return new Problem(
        "https://villagepoints.org/problems/" + code.toLowerCase().replace('_', '-'),
        code, status, code, detail, data == null || data.isEmpty() ? null : data);
  }
}
