package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** A seat on a committee: who holds it and in which role. */
@Embeddable
public class Seat {
  @Column(name = "member_id", nullable = false)
  public UUID memberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SeatRole role;

  @Column(name = "member_name")
  public String memberName;

  protected Seat() {}

  public Seat(UUID memberId, SeatRole role, String memberName) {
    this.memberId = memberId;
    this.role = role;
    this.memberName = memberName;
  }
}
