package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A residential building (樓幢) of a community. */
@Entity
@Table(name = "building")
public class Building {
  @Id public UUID id;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(nullable = false)
  public String name;

  /** Number of units (单元) in the building. */
  @Column(nullable = false)
  public int units;

  public String address;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version public long version;

  protected Building() {}

  public Building(UUID communityId, String name, int units, String address) {
    this.id = UUID.randomUUID();
    this.communityId = communityId;
    this.name = name.trim();
    this.units = units;
    this.address = address == null || address.isBlank() ? null : address.trim();
    this.createdAt = OffsetDateTime.now();
  }
}
