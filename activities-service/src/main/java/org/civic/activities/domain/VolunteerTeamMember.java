package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "volunteer_team_member")
@IdClass(VolunteerTeamMember.Key.class)
public class VolunteerTeamMember {
  @Id
  @Column(name = "team_id")
  public UUID teamId;

  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "member_name")
  public String memberName;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(name = "joined_at")
  public OffsetDateTime joinedAt;

  public static class Key implements Serializable {
    public UUID teamId;
    public UUID memberId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(teamId, k.teamId)
          && Objects.equals(memberId, k.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(teamId, memberId);
    }
  }
}
