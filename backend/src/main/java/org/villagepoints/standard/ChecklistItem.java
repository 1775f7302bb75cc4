package org.villagepoints.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** A checklist item of the district (九有六无): YOU = a “有” item, WU = a “无” item. */
@Serdeable
public record ChecklistItem(long id, String kind, int position, String title,
    String description, String evidence, int weight, @Nullable String link,
    @Nullable BigDecimal threshold) {}
