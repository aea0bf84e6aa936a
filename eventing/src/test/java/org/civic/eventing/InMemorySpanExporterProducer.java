package org.civic.eventing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Quarkus exports spans to every SpanExporter bean: this one keeps them for the assertions. */
public class InMemorySpanExporterProducer {
  @Produces
  @Singleton
  InMemorySpanExporter inMemorySpanExporter() {
    return InMemorySpanExporter.create();
  }
}
