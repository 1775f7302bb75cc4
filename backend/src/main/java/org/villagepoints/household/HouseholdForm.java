package org.villagepoints.household;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create (code required) or update (code ignored) a household in the register. */
@Serdeable
public record HouseholdForm(
    @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,20}") String code,
    @NotBlank @Size(max = 50) String headName,
    @NotNull Long groupId,
    @Nullable @Size(max = 200) String address,
    @Nullable @Pattern(regexp = "[0-9+ -]{5,20}") String phone,
    @Nullable Boolean lowIncome,
    @Nullable @Size(max = 500) String note,
    @Nullable @Size(max = 30) List<@Valid MemberForm> members) {

  @Serdeable
  public record MemberForm(@NotBlank @Size(max = 50) String name,
      @NotBlank @Pattern(regexp = "HEAD|SPOUSE|CHILD|CHILD_IN_LAW|PARENT|GRANDCHILD|SIBLING|OTHER")
      String relation) {}
}
