package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
public record HouseholdResponse(long id, String code, String headName, @Nullable String address,
    long villageId, String villageName, long groupId, String groupName, String status,
    long balance, List<Member> members) {

  @Serdeable
  public record Member(String name, String relation) {}
}
