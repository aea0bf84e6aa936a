package org.civic.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The committed AsyncAPI document (docs/api/asyncapi.yaml) as validators: the JSON Schema of each
 * event type's payload and of the CloudEvents headers.
 */
final class EventContract {
  static final Path DOCUMENT = Path.of("..", "docs", "api", "asyncapi.yaml");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;

  EventContract() {
    try {
      document = YAML.readTree(Files.readString(DOCUMENT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** Event type → channel address, from the channels' messages. */
  Map<String, String> typesByTopic() {
    Map<String, String> types = new java.util.TreeMap<>();
    document
        .path("channels")
        .fields()
        .forEachRemaining(
            channel ->
                channel
                    .getValue()
                    .path("messages")
                    .fieldNames()
                    .forEachRemaining(
                        type -> types.put(type, channel.getValue().path("address").asText())));
    return types;
  }

  /** Problems of {@code payload} against the schema of {@code type}; empty when it conforms. */
  Set<String> validatePayload(String type, JsonNode payload) {
    JsonNode message = document.path("components").path("messages").path(type);
    if (message.isMissingNode()) {
      return Set.of("event type " + type + " is not in the AsyncAPI document");
    }
    return validate(message.path("payload"), payload);
  }

  /** Problems of a record's headers against the CloudEvents trait. */
  Set<String> validateHeaders(JsonNode headers) {
    return validate(
        document.path("components").path("messageTraits").path("cloudEvent").path("headers"),
        headers);
  }

  private Set<String> validate(JsonNode schemaNode, JsonNode instance) {
    // The component schemas are referenced as #/components/schemas/X: validate against a copy
    // of the whole document whose root is the schema, so the references resolve.
    ObjectNode root = document.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = schemaNode.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      root.set(field.getKey(), field.getValue());
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root, config);
    return schema.validate(instance).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
