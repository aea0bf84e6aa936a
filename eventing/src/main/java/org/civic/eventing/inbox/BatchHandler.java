package org.civic.eventing.inbox;

import java.util.List;

/**
 * An {@link EventHandler} that loads what a whole batch needs before applying it, with one query
 * per kind of row instead of one per event (ADR 0008).
 *
 * <p>For such a handler the inbox keeps the persistence context across the batch's transaction: no
 * flush or clear between its events, one flush after the last (so the rows written per event also
 * go out in JDBC batches). The handler must therefore only rely on entities it may keep for the
 * whole batch: rows it alone writes, or rows it has locked; a row another transaction may change
 * meanwhile must be read again per event with a query that returns its columns, not an entity
 * already in the context.
 *
 * <p>{@link #prefetch} is called in the batch's transaction only; when the batch falls back to one
 * transaction per event, each event is handled on its own without it, exactly as a plain {@link
 * EventHandler}.
 */
public interface BatchHandler extends EventHandler {
  /**
   * Loads what {@code events} (the batch's events new to the inbox, in record order) will need.
   * Called once per batch transaction, before the first of them is handled.
   */
  void prefetch(List<IncomingEvent> events);

  /**
   * Writes what the handler kept back while it handled the batch's events (rows it writes once per
   * batch instead of once per event, such as the events it publishes). Called once per batch
   * transaction, after the last event was handled and before the inbox's final flush; not called in
   * the one-transaction-per-event fall-back, where {@link #prefetch} was not called either.
   */
  default void finishBatch() {}
}
