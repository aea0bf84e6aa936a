package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A party-member volunteer service team (党员志愿者服务队) of a branch. */
@Entity
@Table(name = "volunteer_team")
public class VolunteerTeam {
  @Id public UUID id;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  public String name;

  @Enumerated(EnumType.STRING)
  public TeamKind kind;

  public String description;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;
}
