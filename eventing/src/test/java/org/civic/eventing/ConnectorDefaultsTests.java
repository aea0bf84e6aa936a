package org.civic.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.providers.impl.ConnectorConfig;
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
}
