package org.villagepoints.ledger;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record AdjustmentResponse(PostedTransfer transfer, long balanceAfter) {}
