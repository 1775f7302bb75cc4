package org.villagepoints.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.villagepoints.support.AuthorizationTable.Row;
import org.villagepoints.support.ScopePlaces.Target;

/**
 * Generates hostile requests for every operation of the OpenAPI document. Request number
 * {@code i} of a run depends only on the seed and {@code i}, so a failure reproduces with
 * the same seed whatever the threads did. Every request carries something that a correct
 * server must refuse (a bad token, a caller outside the role or the scope, an id naming
 * nothing, a defective body, a wrong content type, a garbage upload), so none may change
 * the database; the valid bodies come from authorization-matrix.txt.
 */
public final class HostileRequests {

  public enum Attack { TOKEN, ROLE, SCOPE, PATH, BODY, CONTENT_TYPE, QUERY }

  /** What the answer must be: exactly 401, exactly 403, some 4xx, or anything but a 5xx. */
  public enum Expect { UNAUTHORIZED, FORBIDDEN, CLIENT_ERROR, NOT_SERVER_ERROR }

  public record Request(Attack attack, String endpoint, String method, String path,
      Map<String, String> headers, byte[] body, Expect expect) {}

  record Operation(String endpoint, List<String> query, String media,
      Map<String, Object> schema, List<Row> rows) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final List<String> SECRETS = List.of("qrToken", "eventCode", "refreshToken");
  private final List<Operation> operations = new ArrayList<>();
  private final HostileBodies bodies;
  private final ScopePlaces places;
  private final Map<String, String> tokens;
  private final String secret;

  @SuppressWarnings("unchecked")
  public HostileRequests(Map<String, Object> openapi, List<Row> table, ScopePlaces places,
      Map<String, String> tokens, String secret) {
    this.places = places;
    this.tokens = tokens;
    this.secret = secret;
    this.bodies = new HostileBodies((Map<String, Object>)
        ((Map<String, Object>) openapi.get("components")).get("schemas"));
    ((Map<String, Map<String, Object>>) openapi.get("paths")).forEach((path, methods) ->
        methods.forEach((method, o) -> {
          if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
            return;
          }
          Map<String, Object> op = (Map<String, Object>) o;
          String endpoint = method.toUpperCase() + " " + AuthorizationTable.shape(path);
          List<String> query = new ArrayList<>();
          for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters",
              List.of())) {
            if ("query".equals(p.get("in"))) {
              query.add((String) p.get("name"));
            }
          }
          Map<String, Object> content = op.get("requestBody") instanceof Map<?, ?> rb
              ? (Map<String, Object>) rb.get("content") : Map.of();
          String media = content.isEmpty() ? null : content.keySet().iterator().next();
          Map<String, Object> schema = media == null ? null
              : bodies.resolve((Map<String, Object>) ((Map<String, Object>) content.get(media))
                  .get("schema"));
          List<Row> rows = table.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
          if (rows.isEmpty()) {
            throw new AssertionError("no line in authorization-matrix.txt for " + endpoint);
          }
          operations.add(new Operation(endpoint, query, media, schema, rows));
        }));
  }

  public List<String> endpoints() {
    return operations.stream().map(Operation::endpoint).toList();
  }

  public Request generate(long seed, int index) {
    Random r = new Random(seed * 1_000_003L + index);
    Operation op = operations.get(r.nextInt(operations.size()));
    Row row = op.rows().get(r.nextInt(op.rows().size()));
    List<String> reaching = callers(row, "SA", true);
    List<String> refused = callers(row, "-", false);
    List<String> scoped = callers(row, "S", false);
    boolean pathIds = PLACEHOLDER.matcher(pathOnly(row.path())).find();
    boolean get = row.method().equals("GET");
    List<Attack> attacks = new ArrayList<>(List.of(Attack.TOKEN));
    if (!refused.isEmpty()) {
      attacks.add(Attack.ROLE);
    }
    if (!scoped.isEmpty()) {
      attacks.add(Attack.SCOPE);
    }
    if (pathIds) {
      attacks.add(Attack.PATH);
    }
    if (op.media() != null) {
      attacks.add(Attack.BODY);
    }
    if ("application/json".equals(op.media())) {
      attacks.add(Attack.CONTENT_TYPE);
    }
    if (get && !op.query().isEmpty()) {
      attacks.add(Attack.QUERY);
    }
    Attack attack = HostileValues.pick(r, attacks);
    Target target = places.target(attack == Attack.SCOPE ? "otherDistrict" : "own");
    String caller = switch (attack) {
      case TOKEN -> "ANON";
      case ROLE -> HostileValues.pick(r, refused);
      case SCOPE -> HostileValues.pick(r, scoped);
      default -> HostileValues.pick(r, reaching);
    };
    boolean validBody = (attack == Attack.ROLE || attack == Attack.SCOPE)
        && "application/json".equals(op.media()) && r.nextBoolean();
    JsonNode valid = json(fill(r, row.body().startsWith("@") ? "" : row.body(), target));
    Map<String, String> headers = new HashMap<>();
    byte[] body = null;
    if (op.media() != null && op.media().startsWith("multipart")) {
      String boundary = "vp" + Long.toHexString(r.nextLong());
      body = upload(r, boundary);
      headers.put("Content-Type", "multipart/form-data; boundary="
          + (r.nextInt(10) == 0 ? "other" : boundary));
    } else if (op.media() != null) {
      body = attack == Attack.BODY ? bodies.defective(r, valid, op.schema())
          : validBody ? HostileBodies.bytes(valid) : HostileBodies.bytes(bodies.shaped(r, valid));
      headers.put("Content-Type", attack != Attack.CONTENT_TYPE ? "application/json"
          : HostileValues.pick(r, List.of("text/plain", "application/xml",
              "application/x-www-form-urlencoded", "multipart/form-data", "application/json-x",
              "image/png", "*/*")));
    }
    String path = pathOnly(row.path());
    if (attack == Attack.PATH) {
      path = replaceOne(r, path, HostileValues.pick(r, HostileValues.IDS));
    } else if (attack == Attack.CONTENT_TYPE) {
      path = PLACEHOLDER.matcher(path).replaceAll("999999999");
    }
    String query = attack == Attack.QUERY ? hostileQuery(r, op.query())
        : attack == Attack.BODY && r.nextBoolean() ? "" : fill(r, queryOnly(row.path()), target);
    path = fill(r, path, target) + query;
    if (attack == Attack.TOKEN) {
      if (r.nextInt(8) > 0) {
        headers.put("Authorization", HostileValues.badAuthorization(r, tokens.get("COMM"),
            secret));
      }
    } else if (tokens.get(caller) != null) {
      headers.put("Authorization", "Bearer " + tokens.get(caller));
    }
    if (!get) {
      headers.put("Idempotency-Key", validBody || r.nextBoolean() ? "hostile-" + UUID.randomUUID()
          : HostileValues.pick(r, List.of("short", "k".repeat(101), "'or'1'='1'--x",
              "../../../../etc", "%00%00%00%00%00")));
    }
    boolean anonymousRow = row.cell("ANON") == 'A';
    boolean secretInBody = SECRETS.stream().anyMatch(s -> row.body().contains("{" + s + "}"));
    Expect expect = switch (attack) {
      case TOKEN -> anonymousRow ? Expect.NOT_SERVER_ERROR : Expect.UNAUTHORIZED;
      // a role the handler (not @Secured) refuses meets the body's validation first
      case ROLE -> validBody ? Expect.FORBIDDEN : Expect.CLIENT_ERROR;
      case SCOPE -> validBody && !secretInBody ? Expect.FORBIDDEN : Expect.CLIENT_ERROR;
      case PATH -> get ? Expect.NOT_SERVER_ERROR : Expect.CLIENT_ERROR;
      case QUERY -> Expect.NOT_SERVER_ERROR;
      default -> Expect.CLIENT_ERROR;
    };
    return new Request(attack, op.endpoint(), row.method(), path, headers, body, expect);
  }

  private static List<String> callers(Row row, String cells, boolean withAnonymous) {
    return AuthorizationTable.CALLERS.stream()
        .filter(c -> withAnonymous || !c.equals("ANON"))
        .filter(c -> cells.indexOf(row.cell(c)) >= 0).toList();
  }

  /** Fills placeholders; the secrets a body may carry (QR codes, event codes) are forged. */
  private String fill(Random r, String template, Target target) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = switch (name) {
        case "qrToken" -> HostileValues.pick(r, List.of("VPQ1.1.9999999999.AAAAAAAA.forged",
            "VPQ1." + "9".repeat(40), HostileValues.pick(r, HostileValues.STRINGS)));
        case "eventCode" -> HostileValues.pick(r, List.of("VPE1.1.forged", "VPE1.-1.x",
            HostileValues.pick(r, HostileValues.STRINGS)));
        case "refreshToken" -> UUID.randomUUID().toString();
        default -> target.values().get(name);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(name.equals("payload")
          ? encode(value) : jsonText(value)));
    }
    return m.appendTail(out).toString();
  }

  private static String replaceOne(Random r, String path, String hostile) {
    List<int[]> spots = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(path);
    while (m.find()) {
      spots.add(new int[] {m.start(), m.end()});
    }
    int[] spot = spots.get(r.nextInt(spots.size()));
    return path.substring(0, spot[0]) + encode(hostile) + path.substring(spot[1]);
  }

  private static String hostileQuery(Random r, List<String> names) {
    StringBuilder q = new StringBuilder();
    for (String name : names) {
      if (r.nextBoolean()) {
        String value = switch (r.nextInt(4)) {
          case 0 -> HostileValues.pick(r, HostileValues.IDS);
          case 1 -> HostileValues.pick(r, HostileValues.NUMBERS);
          case 2 -> HostileValues.pick(r, List.of("2025-02-30", "2025-13-01", "0000-00-00",
              "9999999-01-01", "true", "SUBMITTED' OR 1=1--", "x".repeat(10_000)));
          default -> HostileValues.pick(r, HostileValues.STRINGS);
        };
        q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
      }
    }
    return q.toString();
  }

  /** A multipart upload no correct server accepts: garbage, wrong field, torn apart. */
  private static byte[] upload(Random r, String boundary) {
    String field = r.nextInt(6) == 0 ? "photo" : "file";
    String filename = HostileValues.pick(r, List.of("x.png", "x.jpg", "roster.xlsx", "roster.xls",
        "roster.csv", "../../etc/passwd", "😀.png", "<img src=x onerror=alert(1)>.csv", ""));
    byte[] content = switch (r.nextInt(5)) {
      case 0 -> new byte[0];
      case 1 -> "<html><img src=x onerror=alert(1)></html>".getBytes(StandardCharsets.UTF_8);
      case 2 -> HostileValues.randomBytes(r, r.nextInt(20) == 0 ? 6 * 1024 * 1024 : 1 + r.nextInt(65536));
      case 3 -> "户编号,户主姓名\n\u0000,'; DROP TABLE households;--\n".getBytes(StandardCharsets.UTF_8);
      default -> HostileValues.randomBytes(r, 512);
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
          + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(content);
      if (r.nextInt(8) > 0) {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static JsonNode json(String body) {
    try {
      return TestApi.JSON.readTree(body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  /** The value as it stands between the quotes of a JSON string. */
  private static String jsonText(String value) {
    try {
      String quoted = TestApi.JSON.writeValueAsString(value);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String queryOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? "" : path.substring(q);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
