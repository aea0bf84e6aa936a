package org.civic.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.providers.impl.ConnectorConfig;
import jakarta.inject.Inject;
import java.util.Map;
import org.civic.localinfra.LocalInfraTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The connector defaults this module ships (META-INF/microprofile-config.properties) reach a
 * service's channels, resolved the way SmallRye resolves them for a channel.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "eventing"))
class ConnectorDefaultsTests {
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaDefaults;

  @Test
  void incomingChannelsDoNotParseCloudEventsMetadata() {
    // The test channel sets nothing about CloudEvents itself (src/test application.properties):
    // the value comes from the module's connector-wide default.
    KafkaConnectorIncomingConfiguration channel = testChannel();

    assertThat(channel.getCloudEvents()).isFalse();
  }

  @Test
  void aStopWaitsHalfASecondPerChannelForTheBatchInFlight() {
    // SmallRye's graceful shutdown (on in the prod profile the services run in; Quarkus turns it
    // off in test mode) waits twice the poll timeout per channel: 0.5 s, not 2 s.
    assertThat(testChannel().getPollTimeout()).isEqualTo(250);
  }

  @Test
  void consumersGetATenSecondSession() {
    // The Kafka client settings every channel starts from (Quarkus' "default-kafka-broker" map of
    // the kafka.* properties): the module's default, not Kafka's 45 s (docs/operations.md).
    assertThat(kafkaDefaults).containsEntry("session.timeout.ms", "10000");
  }

  /** The test channel's incoming configuration as SmallRye resolves it. */
  private static KafkaConnectorIncomingConfiguration testChannel() {
    return new KafkaConnectorIncomingConfiguration(
        new ConnectorConfig(
            "mp.messaging.incoming.", ConfigProvider.getConfig(), "test-events") {});
  }
}
