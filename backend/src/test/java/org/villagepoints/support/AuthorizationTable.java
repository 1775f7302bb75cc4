package org.villagepoints.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The expectation table {@code authorization-matrix.txt}: who may call each endpoint. Read
 * by the authorization matrix test, and by the hostile-input test to pick callers that get
 * past the role check.
 */
public final class AuthorizationTable {

  /** Column order of the callers in the table. */
  public static final List<String> CALLERS =
      List.of("DIST", "TOWN", "COMM", "LEAD", "SHOP", "VILL", "ANON");

  /** One line: method, path (with placeholders), one cell per caller, optional body. */
  public record Row(String method, String path, String cells, String body) {

    public char cell(String caller) {
      return cells.charAt(CALLERS.indexOf(caller));
    }

    /** "METHOD /path/{}/shape" without the query: what the router calls the endpoint. */
    public String endpoint() {
      int query = path.indexOf('?');
      return method + " " + shape(query < 0 ? path : path.substring(0, query));
    }
  }

  private AuthorizationTable() {}

  /** A path with every variable written as {@code {}}. */
  public static String shape(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  public static List<Row> load() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = AuthorizationTable.class.getResourceAsStream(
            "/authorization-matrix.txt");
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+", 10);
        if (parts.length < 9) {
          throw new IllegalStateException("short line in authorization-matrix.txt: " + line);
        }
        StringBuilder cells = new StringBuilder();
        for (int i = 2; i < 9; i++) {
          if (!parts[i].matches("[-SA]")) {
            throw new IllegalStateException("bad cell " + parts[i] + " in: " + line);
          }
          cells.append(parts[i]);
        }
        rows.add(new Row(parts[0], parts[1], cells.toString(),
            parts.length > 9 ? parts[9].trim() : ""));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
