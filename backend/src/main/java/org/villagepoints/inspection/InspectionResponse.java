package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A visit: who (level TOWN or DISTRICT, the inspector), when, what kind, the visit it follows
 * up, how many findings and how many of their tasks are not yet verified. {@code findings} is
 * filled when one visit is asked for, null in lists.
 */
@Serdeable
public record InspectionResponse(
    long id,
    long villageId,
    String villageName,
    String kind,
    LocalDate visitedOn,
    String level,
    String inspector,
    String inspectorName,
    @Nullable Long followsId,
    @Nullable LocalDate followsVisitedOn,
    String notes,
    int findingCount,
    int unverifiedTasks,
    OffsetDateTime createdAt,
    @Nullable List<Finding> findings) {

  /** One finding with its task. */
  @Serdeable
  public record Finding(long id, int position, String category, String severity,
      String description, boolean photo, TaskResponse task) {}

  InspectionResponse withFindings(List<Finding> list) {
    return new InspectionResponse(id, villageId, villageName, kind, visitedOn, level, inspector,
        inspectorName, followsId, followsVisitedOn, notes, findingCount, unverifiedTasks,
        createdAt, list);
  }
}
