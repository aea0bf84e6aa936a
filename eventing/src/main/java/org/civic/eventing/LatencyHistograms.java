package org.civic.eventing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Publishes HTTP server latencies as Prometheus histograms ({@code
 * http_server_requests_seconds_bucket}), so dashboards can compute percentiles across replicas with
 * {@code histogram_quantile}. Buckets span 1 ms to 10 s to keep the series count small. Lives here
 * because every service has this module; Quarkus applies MeterFilter beans to its registry.
 */
@Singleton
public class LatencyHistograms {
  static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  @Produces
  @Singleton
  MeterFilter httpServerLatencyHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(true)
            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
            .build()
            .merge(config);
      }
    };
  }
}
