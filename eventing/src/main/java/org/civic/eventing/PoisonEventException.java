package org.civic.eventing;

/**
 * An event that can never be processed, however often it is retried: a malformed envelope or
 * payload, or data the consumer's rules reject. It goes straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {
  public PoisonEventException(String message) {
    super(message);
  }

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
