package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A building as branches-service announced it; read-only here. */
@Entity
@Table(name = "known_building")
public class KnownBuilding {
  @Id public UUID id;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(nullable = false)
  public String name;

  public int units;

  public String address;

  /** The aggregate version of the last event applied: older or repeated events are ignored. */
  public long version;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  /** Applies a snapshot if it is newer than what is held; returns whether anything changed. */
  public boolean apply(
      long eventVersion, UUID communityId, String name, int units, String address) {
    if (this.id != null && eventVersion <= this.version) {
      return false;
    }
    this.communityId = communityId;
    this.name = name;
    this.units = units;
    this.address = address;
    this.version = eventVersion;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }
}
