package org.villagepoints.ops;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Installed only when {@code datasources.replica.url} is set: wraps the default datasource in
 * a {@link RoutingDataSource} (before Micronaut Data wraps it for transactions, and unwrapping
 * whatever is already around the pool, so the order of listeners does not matter), and gives
 * the replica pool settings that suit an optional server: it may be down when the service
 * starts, a connection attempt gives up after 2 s, and it uses the default pool's session
 * setup (time zone Asia/Shanghai) so that dates compute alike on both servers.
 */
@Singleton
@Requires(property = "datasources.replica.url")
class RoutingDataSources implements BeanCreatedEventListener<DataSource>, Ordered {

  static final String REPLICA = "replica";
  private final BeanLocator beans;
  private volatile RoutingDataSource routing;

  RoutingDataSources(BeanLocator beans) {
    this.beans = beans;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    if (!"default".equals(event.getBeanIdentifier().getName())) {
      return event.getBean();
    }
    routing = new RoutingDataSource(DelegatingDataSource.unwrapDataSource(event.getBean()),
        this::replica, () -> beans.getBean(ReplicaStatus.class).markDown("no connection"));
    return routing;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  DataSource primary() {
    if (routing == null) {
      beans.getBean(DataSource.class); // creates the default datasource, which installs routing
    }
    return routing.primary();
  }

  DataSource replica() {
    return DelegatingDataSource.unwrapDataSource(
        beans.getBean(DataSource.class, Qualifiers.byName(REPLICA)));
  }

  /** Settings of the replica's pool, applied before it is built. */
  @Singleton
  @Requires(property = "datasources.replica.url")
  static class ReplicaPool implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final ReplicaSettings settings;
    private final BeanLocator beans;

    ReplicaPool(ReplicaSettings settings, BeanLocator beans) {
      this.settings = settings;
      this.beans = beans;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
      DatasourceConfiguration config = event.getBean();
      if (!REPLICA.equals(config.getName())) {
        return config;
      }
      config.setInitializationFailTimeout(-1);
      config.setConnectionTimeout(Math.min(config.getConnectionTimeout(), 2000));
      config.setMaximumPoolSize(settings.poolSize());
      config.setPoolName("replica");
      config.setReadOnly(true);
      if (config.getConnectionInitSql() == null) {
        config.setConnectionInitSql(beans.getBean(DatasourceConfiguration.class,
            Qualifiers.byName("default")).getConnectionInitSql());
      }
      return config;
    }
  }
}
