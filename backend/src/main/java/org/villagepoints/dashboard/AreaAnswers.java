package org.villagepoints.dashboard;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.villagepoints.common.Sql;
import org.villagepoints.ops.ReadRouting;

/**
 * Town and district dashboards assembled from village rows kept while their village is
 * unchanged. Each village's row (its figures, its monthly trend and their JSON) is kept with
 * the village's version (V017, as for {@link VillageAnswers}); an answer reads every village's
 * current version in its snapshot, uses the rows kept at those versions and computes only the
 * others, in one query for all of them. The area's totals and trend are added up from the
 * rows, and its JSON is written around the rows' kept JSON. So a district answer costs the
 * rollups of the villages that changed since it was last asked, not of all of them. The key
 * holds the period and the day (the inspection flags depend on it). At most
 * {@code vp.dashboard.kept-villages} rows are kept, the least recently used dropped first;
 * 0 keeps none.
 */
@Singleton
class AreaAnswers {

  /** A village's row of an area dashboard: figures, trend (see Figures.villageMonths), JSON. */
  record Row(VillageFigures figures, long[] months, byte[] json) {}

  /** What one snapshot gave: the area's name and its villages' rows in order. */
  record Area(String name, List<Row> villages) {}

  /** Where the villages go in the JSON of an area written without them. */
  private static final byte[] NO_VILLAGES = "\"villages\":[]".getBytes(StandardCharsets.UTF_8);

  private final Dashboards dashboards;
  private final ReadRouting reads;
  private final JsonMapper json;
  private final KeptByVersion<Row> kept;

  AreaAnswers(Dashboards dashboards, ReadRouting reads, JsonMapper json,
      @Value("${vp.dashboard.kept-villages:20000}") int capacity) {
    this.dashboards = dashboards;
    this.reads = reads;
    this.json = json;
    this.kept = new KeptByVersion<>(capacity);
  }

  /** The JSON of the area's {@link AreaDashboard}, read where {@link ReadRouting} says. */
  byte[] json(Figures.Scope scope, long id, Period period) {
    LocalDate today = LocalDate.now(Sql.ZONE);
    ReadRouting.Routed<Area> read =
        reads.read(() -> dashboards.area(scope, id, period, today, this));
    return write(scope, id, period, read.value(), read.source(), read.replicaLagSeconds());
  }

  /** The same answer as an object. */
  AreaDashboard dashboard(Figures.Scope scope, long id, Period period) {
    Area area = dashboards.area(scope, id, period, LocalDate.now(Sql.ZONE), this);
    List<VillageFigures> figures = figures(area);
    return new AreaDashboard(scope.name(), id, area.name(), period,
        AreaDashboard.Totals.of(figures), figures, monthly(area, period), ReadRouting.PRIMARY,
        null);
  }

  /** The row kept for the village at this version, or null. */
  Row kept(long village, Period period, LocalDate today, Long version) {
    KeptByVersion.Entry<Row> known = version == null ? null : kept.get(village, period, today);
    return known != null && known.version() == version ? known.value() : null;
  }

  /** A row computed at the village's version, kept for later answers. */
  Row computed(Long version, VillageFigures figures, long[] months, Period period,
      LocalDate today) {
    Row row = new Row(figures, months, bytes(figures));
    kept.keep(figures.villageId(), period, today, version, row);
    return row;
  }

  /** The area written without its villages, then the villages' kept JSON put in place. */
  private byte[] write(Figures.Scope scope, long id, Period period, Area area, String source,
      Double lag) {
    byte[] head = bytes(new AreaDashboard(scope.name(), id, area.name(), period,
        AreaDashboard.Totals.of(figures(area)), List.of(), monthly(area, period), source, lag));
    int size = 0;
    for (Row r : area.villages()) {
      size += r.json().length + 1;
    }
    int at = indexOf(head, NO_VILLAGES) + NO_VILLAGES.length - 1; // the "]"
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + size);
    out.write(head, 0, at);
    for (int i = 0; i < area.villages().size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(area.villages().get(i).json());
    }
    out.write(head, at, head.length - at);
    return out.toByteArray();
  }

  private static List<VillageFigures> figures(Area area) {
    List<VillageFigures> figures = new ArrayList<>(area.villages().size());
    area.villages().forEach(r -> figures.add(r.figures()));
    return figures;
  }

  /** The area's trend: the villages' trends added up month by month. */
  private static List<MonthFigures> monthly(Area area, Period period) {
    int n = Figures.monthCount(period);
    long[] sum = new long[Figures.MONTH_FIELDS * n];
    for (Row r : area.villages()) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += r.months()[i];
      }
    }
    List<MonthFigures> out = new ArrayList<>(n);
    for (int m = 0, i = 0; m < n; m++, i += Figures.MONTH_FIELDS) {
      out.add(new MonthFigures(period.from().plusMonths(m), sum[i], sum[i + 1], sum[i + 2],
          sum[i + 3]));
    }
    return out;
  }

  private static int indexOf(byte[] text, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= text.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (text[i + k] != part[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no empty villages list in an area's JSON");
  }

  private byte[] bytes(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
