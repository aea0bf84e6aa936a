package org.civic.eventing.inbox;

/** Applies one incoming event; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {
  void handle(IncomingEvent event);
}
