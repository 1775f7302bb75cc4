package org.villagepoints.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Row count and checksum (MD5 over the MD5 of every row's text, in sorted order) of every
 * table of a database, so two moments or two databases can be compared table by table.
 */
public final class DatabaseFingerprint {

  private DatabaseFingerprint() {}

  /** Table name → "rows:checksum", for every table of the public schema except those named. */
  public static Map<String, String> of(String url, String user, String password,
      Set<String> excluded) {
    Map<String, String> tables = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "select tablename from pg_tables where schemaname = 'public' order by 1")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        if (excluded.contains(name)) {
          continue;
        }
        try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text),"
            + " ',' order by md5(t::text))), '-') from public.\"" + name + "\" t")) {
          rs.next();
          tables.put(name, rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }
}
