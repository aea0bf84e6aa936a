package org.civic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * "Has everything caught up?": every service's outbox is empty (readiness data) and every consumer
 * group has read its topics to the end (lag 0).
 */
final class Drain implements AutoCloseable {
  private final Http http;
  private final Admin admin;

  Drain(Http http, String bootstrap) {
    this.http = http;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(p);
  }

  /** Outbox rows not yet published, summed over the three services. */
  long outboxPending() {
    long pending = 0;
    for (URI base : List.of(http.members, http.branches, http.activities)) {
      Http.Reply reply = http.send("GET", base.resolve("/q/health/ready"), null, null);
      JsonNode json = reply.json();
      for (JsonNode check : json.path("checks")) {
        if (check.path("name").asText().equals("outbox")) {
          pending += check.path("data").path("pending").asLong();
        }
      }
    }
    return pending;
  }

  /** Records still to be read by all consumer groups together. */
  long consumerLag() throws Exception {
    long lag = 0;
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group.groupId())
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
      }
    }
    return lag;
  }

  /** Waits until outboxes are empty and lag is 0; returns the milliseconds waited. */
  long await(int timeoutSeconds) {
    return Loader.await(
        "outboxes empty and consumers caught up",
        timeoutSeconds,
        () -> {
          try {
            long pending = outboxPending();
            long lag = consumerLag();
            return pending == 0 && lag == 0
                ? null
                : "outbox backlog " + pending + ", consumer lag " + lag;
          } catch (Exception e) {
            return e.toString();
          }
        });
  }

  @Override
  public void close() {
    admin.close();
  }
}
