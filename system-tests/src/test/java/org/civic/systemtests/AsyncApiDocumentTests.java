package org.civic.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document is valid AsyncAPI 3.0 and names every event type the services publish. */
class AsyncApiDocumentTests {
  private final EventContract contract = new EventContract();

  @Test
  void theDocumentIsValidAsyncApi3() throws IOException {
    JsonNode specSchema;
    try (InputStream in = getClass().getResourceAsStream("/asyncapi-3.0.0.schema.json")) {
      specSchema = EventContract.JSON.readTree(in);
    }
    Set<ValidationMessage> problems =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(specSchema)
            .validate(contract.document());
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPublishedEventTypeIsDocumentedOnItsProducersTopic() throws IOException {
    // The event type names are the TYPE constants of each service's events package.
    Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    Pattern constant = Pattern.compile("public static final String TYPE = \"([A-Za-z.0-9]+)\";");
    Set<String> published = new TreeSet<>();
    for (String service : List.of("members", "branches", "activities")) {
      Path events =
          root.resolve(service + "-service/src/main/java/org/civic/" + service + "/events");
      try (Stream<Path> files = Files.list(events)) {
        for (Path file : files.toList()) {
          Matcher m = constant.matcher(Files.readString(file));
          while (m.find()) {
            published.add(m.group(1) + "@" + service + ".events");
          }
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    contract.typesByTopic().forEach((type, topic) -> documented.add(type + "@" + topic));
    assertThat(published).hasSizeGreaterThanOrEqualTo(13);
    assertThat(documented).isEqualTo(published);
  }

  @Test
  void aPayloadWithAnUndocumentedOrSensitiveFieldIsRejected() throws IOException {
    JsonNode visit =
        EventContract.JSON.readTree(
            """
            {"visitId":"6f1c1f3e-0a53-4d3e-9a57-51f4b4e3a001","branchId":"6f1c1f3e-0a53-4d3e-9a57-51f4b4e3a002",
             "householdId":"6f1c1f3e-0a53-4d3e-9a57-51f4b4e3a003","visitedOn":"2026-11-29T10:00:00+08:00",
             "visitorMemberId":null}
            """);
    assertThat(contract.validatePayload("VisitRecorded", visit)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) visit).put("health", "diabetes");
    assertThat(contract.validatePayload("VisitRecorded", visit)).isNotEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) visit).remove("health");
    ((com.fasterxml.jackson.databind.node.ObjectNode) visit).put("visitedOn", "yesterday");
    assertThat(contract.validatePayload("VisitRecorded", visit)).isNotEmpty();
  }
}
