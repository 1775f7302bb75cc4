package org.villagepoints.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Turns a valid JSON body into hostile ones, guided by the OpenAPI schema of the request:
 * {@link #shaped} keeps the shape but puts hostile values in every leaf (it may still be
 * valid, so it is only sent where something else guarantees a refusal); {@link #defective}
 * adds one defect that no correct server may accept (wrong type, too long, out of range,
 * missing, against the pattern, empty list, broken JSON).
 */
public final class HostileBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Raw JSON literals (numbers Jackson cannot hold) travel as marked strings. */
  private static final String RAW = "@@raw@@";
  private final Map<String, Object> schemas;

  public HostileBodies(Map<String, Object> schemas) {
    this.schemas = schemas;
  }

  /** Same shape, hostile leaves; a few unknown properties added. */
  public JsonNode shaped(Random r, JsonNode valid) {
    JsonNode copy = valid.deepCopy();
    leaves(copy, leaf -> {
      if (leaf.node.isTextual()) {
        leaf.set(TextNode.valueOf(HostileValues.string(r)));
      } else if (leaf.node.isNumber() && r.nextBoolean()) {
        leaf.set(raw(HostileValues.pick(r, HostileValues.NUMBERS)));
      } else if (leaf.node.isBoolean() && r.nextBoolean()) {
        leaf.set(TextNode.valueOf(HostileValues.string(r)));
      }
    });
    if (copy instanceof ObjectNode o && r.nextInt(4) == 0) {
      o.put("__proto__", "{\"admin\":true}").put("$where", "1==1")
          .put(HostileValues.string(r), HostileValues.string(r));
    }
    return copy;
  }

  /** Hostile leaves plus exactly one defect that must make any correct server refuse it. */
  public byte[] defective(Random r, JsonNode valid, Map<String, Object> schema) {
    if (r.nextInt(10) < 3 || schema == null) {
      return HostileValues.malformedJson(r, write(valid));
    }
    JsonNode body = shaped(r, valid);
    List<Runnable> defects = new ArrayList<>();
    collect(r, body, schema, defects);
    if (defects.isEmpty()) {
      return HostileValues.malformedJson(r, write(valid));
    }
    defects.get(r.nextInt(defects.size())).run();
    return bytes(body);
  }

  /** Every defect this schema allows at every property present in the body. */
  @SuppressWarnings("unchecked")
  private void collect(Random r, JsonNode node, Map<String, Object> schema, List<Runnable> out) {
    schema = resolve(schema);
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    List<String> required = (List<String>) schema.getOrDefault("required", List.of());
    for (Map.Entry<String, Object> e : props.entrySet()) {
      String name = e.getKey();
      Map<String, Object> p = resolve((Map<String, Object>) e.getValue());
      if (required.contains(name)) {
        out.add(() -> object.remove(name));
      }
      String type = String.valueOf(p.get("type"));
      out.add(() -> object.set(name, wrongKind(type)));
      if (p.get("maxLength") instanceof Number max && max.intValue() < 1_000_000) {
        out.add(() -> object.put(name, HostileValues.MEGABYTE));
      }
      if (p.get("minLength") instanceof Number min && min.intValue() > 0) {
        out.add(() -> object.put(name, ""));
      }
      if (p.containsKey("pattern")) {
        out.add(() -> object.put(name, "<'x'>" + HostileValues.pick(r, HostileValues.STRINGS)));
      }
      if ("date".equals(p.get("format"))) {
        out.add(() -> object.put(name, HostileValues.pick(r, List.of("2025-02-30", "2025-13-01",
            "0000-00-00", "yesterday", "2025-1-1", "+999999999-12-31T"))));
      }
      if ("date-time".equals(p.get("format"))) {
        out.add(() -> object.put(name, "2025-13-01T25:61:00+99:00"));
      }
      if (p.get("maximum") instanceof Number max) {
        out.add(() -> object.set(name, raw(Long.toString(max.longValue() + 1))));
      }
      if (p.get("minimum") instanceof Number min) {
        out.add(() -> object.set(name, raw(Long.toString(min.longValue() - 1))));
      }
      if (type.equals("integer")) {
        out.add(() -> object.set(name, raw("99999999999999999999999")));
      }
      if (p.get("minItems") instanceof Number min && min.intValue() > 0) {
        out.add(() -> object.set(name, NODES.arrayNode()));
      }
      if (p.get("maxItems") instanceof Number max && object.get(name) instanceof ArrayNode a
          && !a.isEmpty()) {
        out.add(() -> {
          ArrayNode many = NODES.arrayNode();
          for (int i = 0; i <= max.intValue(); i++) {
            many.add(a.get(0).deepCopy());
          }
          object.set(name, many);
        });
      }
      if (p.get("minProperties") instanceof Number min && min.intValue() > 0) {
        out.add(() -> object.set(name, NODES.objectNode()));
      }
      JsonNode child = object.get(name);
      if (child instanceof ArrayNode a && !a.isEmpty() && p.get("items") instanceof Map<?, ?> it) {
        collect(r, a.get(0), (Map<String, Object>) it, out);
      } else if (child instanceof ObjectNode) {
        collect(r, child, p, out);
      }
    }
  }

  private static JsonNode wrongKind(String type) {
    return switch (type) {
      case "string" -> NODES.objectNode().put("x", 1);
      case "integer", "number" -> TextNode.valueOf("12abc");
      case "array" -> TextNode.valueOf("not a list");
      // not a string: the JSON reader takes any string in a boolean field as false
      case "boolean" -> NODES.objectNode().put("x", 1);
      case "object" -> NODES.arrayNode().add(1);
      default -> TextNode.valueOf("not an object");
    };
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> resolve(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref instanceof String s) {
      return (Map<String, Object>) schemas.get(s.substring(s.lastIndexOf('/') + 1));
    }
    return schema;
  }

  private static TextNode raw(String literal) {
    return TextNode.valueOf(RAW + literal + RAW);
  }

  public static byte[] bytes(JsonNode body) {
    return write(body).getBytes(StandardCharsets.UTF_8);
  }

  public static String write(JsonNode body) {
    try {
      return TestApi.JSON.writeValueAsString(body).replaceAll("\"" + RAW + "(.*?)" + RAW + "\"",
          "$1");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A leaf of a JSON tree that can be replaced in its parent. */
  private record Leaf(JsonNode node, Consumer<JsonNode> setter) {
    void set(JsonNode value) {
      setter.accept(value);
    }
  }

  private static void leaves(JsonNode node, Consumer<Leaf> visit) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode child = o.get(name);
        if (child.isContainerNode()) {
          leaves(child, visit);
        } else {
          visit.accept(new Leaf(child, v -> o.set(name, v)));
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        int index = i;
        if (a.get(i).isContainerNode()) {
          leaves(a.get(i), visit);
        } else {
          visit.accept(new Leaf(a.get(i), v -> a.set(index, v)));
        }
      }
    }
  }
}
