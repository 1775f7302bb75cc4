package org.villagepoints.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code vp.replica.*}: when to trust the read replica ({@code datasources.replica}).
 *
 * @param maxLagSeconds reads fall back to the primary when the replica is further behind
 * @param checkSeconds how long a lag measurement is reused
 * @param poolSize connections to the replica per instance
 */
@ConfigurationProperties("vp.replica")
public record ReplicaSettings(
    @Bindable(defaultValue = "10") double maxLagSeconds,
    @Bindable(defaultValue = "3") double checkSeconds,
    @Bindable(defaultValue = "10") int poolSize) {}
