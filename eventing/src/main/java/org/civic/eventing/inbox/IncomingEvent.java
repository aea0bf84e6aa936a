package org.civic.eventing.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.PoisonEventException;

/** A received event: its envelope and its JSON payload, read into a type on demand. */
public record IncomingEvent(EventEnvelope envelope, JsonNode payload, ObjectMapper mapper) {

  public String type() {
    return envelope.type();
  }

  public String aggregateId() {
    return envelope.aggregateId();
  }

  public long aggregateVersion() {
    return envelope.aggregateVersion();
  }

  /**
   * The payload as {@code type}. Unknown fields are ignored (events evolve additively).
   *
   * @throws PoisonEventException when the payload does not fit the type
   */
  public <T> T data(Class<T> type) {
    try {
      return mapper.treeToValue(payload, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new PoisonEventException(
          envelope.type() + " payload does not fit " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }

  static IncomingEvent parse(EventEnvelope envelope, String value, ObjectMapper mapper) {
    if (value == null || value.isBlank()) {
      throw new PoisonEventException("empty payload");
    }
    try {
      JsonNode payload = mapper.readTree(value);
      if (payload == null || !payload.isObject()) {
        throw new PoisonEventException("payload is not a JSON object");
      }
      return new IncomingEvent(envelope, payload, mapper);
    } catch (IOException e) {
      throw new PoisonEventException("payload is not valid JSON: " + e.getMessage(), e);
    }
  }
}
