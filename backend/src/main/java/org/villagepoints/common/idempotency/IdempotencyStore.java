package org.villagepoints.common.idempotency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.villagepoints.common.ApiException;
import org.villagepoints.common.Sql;

/**
 * Claims a key by inserting it; PostgreSQL makes a concurrent insert of the same key wait
 * until the first transaction ends, so exactly one request runs the effect and the others
 * read its stored answer. A failed first attempt rolls the key back with its effect.
 */
@Singleton
class IdempotencyStore {

  static final String REPLAYED = "Idempotent-Replayed";
  private final Sql sql;
  private final JsonMapper json;

  IdempotencyStore(Sql sql, JsonMapper json) {
    this.sql = sql;
    this.json = json;
  }

  record Stored(String fingerprint, Integer status, String body) {}

  @Transactional
  public Object execute(long villageId, String key, String fingerprint, Long userId,
      Supplier<Object> effect) {
    Optional<Long> claimed = sql.one("""
        insert into idempotency_keys (village_id, key, fingerprint, user_id) values (?, ?, ?, ?)
        on conflict (village_id, key) do nothing returning id""", rs -> rs.getLong(1),
        villageId, key, fingerprint, userId);
    if (claimed.isEmpty()) {
      return replay(villageId, key, fingerprint);
    }
    Object result = effect.get();
    HttpResponse<?> response = (HttpResponse<?>) result;
    sql.update("update idempotency_keys set response_status = ?, response_body = ? where id = ?",
        response.code(), write(response.body()), claimed.get());
    return result;
  }

  private HttpResponse<String> replay(long villageId, String key, String fingerprint) {
    Stored stored = sql.one("""
        select fingerprint, response_status, response_body from idempotency_keys
        where village_id = ? and key = ?""",
        rs -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)),
        villageId, key).orElseThrow();
    if (!stored.fingerprint().equals(fingerprint)) {
      throw ApiException.unprocessable("IDEMPOTENCY_KEY_REUSED",
          "这个请求编号（Idempotency-Key）已用于另一笔不同的操作，请换一个编号");
    }
    return HttpResponse.<String>status(HttpStatus.valueOf(stored.status()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(REPLAYED, "true")
        .body(stored.body());
  }

  private String write(Object body) {
    if (body == null) {
      return null;
    }
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
