package org.civic.systemtests;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The metric names the Grafana dashboard (deploy/grafana/dashboards) queries. ComposeFileTests
 * checks the dashboard asks for nothing else; ObservabilityIT checks every service exports them.
 */
final class PrometheusSeries {
  static final List<String> SERVICE_METRICS =
      List.of(
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_bucket",
          "jvm_memory_used_bytes",
          "agroal_active_count",
          "agroal_available_count",
          "agroal_awaiting_count",
          "eventing_outbox_backlog",
          "eventing_outbox_oldest_age_seconds",
          "eventing_outbox_published_total",
          "eventing_outbox_publish_failures_total",
          "eventing_inbox_processed_total",
          "eventing_inbox_duplicates_total",
          "eventing_inbox_dead_lettered_total",
          "kafka_consumer_fetch_manager_records_lag_max");

  /** Series Prometheus itself adds to every scrape target. */
  static final List<String> SCRAPE_METRICS = List.of("up");

  private PrometheusSeries() {}

  /** True if the Prometheus text exposition has at least one sample of {@code name}. */
  static boolean exported(String exposition, String name) {
    return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(exposition).find();
  }
}
