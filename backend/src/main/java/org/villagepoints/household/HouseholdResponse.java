package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
/** {@code phone} is masked and {@code lowIncome}/{@code note} are null except for the committee. */
public record HouseholdResponse(long id, String code, String headName, @Nullable String address,
    long villageId, String villageName, long groupId, String groupName, String status,
    long balance, @Nullable Integer stars, @Nullable String phone, @Nullable Boolean lowIncome,
    @Nullable String note, List<Member> members) {

  @Serdeable
  public record Member(String name, String relation) {}
}
