package org.civic.eventing.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the transactional outbox: an event waiting for (or done with) the relay. */
@Entity
@Table(name = "eventing_outbox")
public class OutboxRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(name = "aggregate_type", nullable = false)
  public String aggregateType;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(name = "aggregate_version", nullable = false)
  public long aggregateVersion;

  @Column(name = "occurred_at", nullable = false)
  public OffsetDateTime occurredAt;

  @Column(nullable = false)
  public String producer;

  public String traceparent;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public String payload;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  public int attempts;

  @Column(name = "last_error")
  public String lastError;
}
