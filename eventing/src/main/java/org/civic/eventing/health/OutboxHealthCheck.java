package org.civic.eventing.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.civic.eventing.EventingConfig;
import org.civic.eventing.outbox.OutboxBacklog;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while events are stuck in the outbox (broker unreachable for a while). */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
  private final OutboxBacklog backlog;
  private final EventingConfig config;

  OutboxHealthCheck(OutboxBacklog backlog, EventingConfig config) {
    this.backlog = backlog;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
    try {
      OutboxBacklog.Snapshot snapshot = backlog.read();
      long stuckAfter = config.relay().stuckAfter().toSeconds();
      return response
          .status(snapshot.pending() == 0 || snapshot.oldestAgeSeconds() < stuckAfter)
          .withData("pending", snapshot.pending())
          .withData("oldestAgeSeconds", (long) snapshot.oldestAgeSeconds())
          .withData("stuckAfterSeconds", stuckAfter)
          .build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
