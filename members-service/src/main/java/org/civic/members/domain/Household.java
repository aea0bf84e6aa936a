package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A household (家庭): the people living at one address (building, unit, room). */
@Entity
@Table(name = "household")
public class Household {
  @Id public UUID id;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(name = "building_id", nullable = false)
  public UUID buildingId;

  @Column(nullable = false)
  public String unit;

  @Column(nullable = false)
  public String room;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  public Address address() {
    return new Address(buildingId, unit, room);
  }
}
