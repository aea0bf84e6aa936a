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
    KafkaConnectorIncomingConfiguration channel =
        new KafkaConnectorIncomingConfiguration(
            new ConnectorConfig(
                "mp.messaging.incoming.", ConfigProvider.getConfig(), "test-events") {});

    assertThat(channel.getCloudEvents()).isFalse();
  }

  @Test
  void consumersGetATenSecondSession() {
    // The Kafka client settings every channel starts from (Quarkus' "default-kafka-broker" map of
    // the kafka.* properties): the module's default, not Kafka's 45 s (docs/operations.md).
    assertThat(kafkaDefaults).containsEntry("session.timeout.ms", "10000");
  }
}
