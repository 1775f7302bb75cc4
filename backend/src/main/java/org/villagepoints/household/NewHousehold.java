package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What the register needs to open a household. */
public record NewHousehold(long villageId, long groupId, String code, String headName,
    @Nullable String address, @Nullable String phone, List<NewMember> members) {

  public record NewMember(String name, String relation) {}
}
