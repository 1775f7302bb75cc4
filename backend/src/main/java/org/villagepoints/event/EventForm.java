package org.villagepoints.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A meeting or activity. {@code kind}: VOLUNTEER (志愿服务日), CULTURE (文化广场活动), MEETING
 * (村民会议) or OTHER (the default). {@code ruleId}: the rule the attendance is awarded under;
 * without one the event only takes attendance (a rule can be chosen when making the batch).
 */
@Serdeable
public record EventForm(@NotBlank @Size(max = 100) String title,
    @Nullable @Pattern(regexp = "VOLUNTEER|CULTURE|MEETING|OTHER") String kind,
    @Nullable Long ruleId, @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {}
