package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a member's status history (状态变更记录). */
@Entity
@Table(name = "member_status_history")
public class StatusChange {
  /** Generated at persist, so Hibernate knows the row is new without asking the database. */
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  public UUID id;

  @Column(name = "member_id", nullable = false)
  public UUID memberId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public MemberStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  public MemberStatus toStatus;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  public String reason;

  @Column(name = "recorded_at", nullable = false)
  public OffsetDateTime recordedAt;

  protected StatusChange() {}

  public StatusChange(
      Member member, MemberStatus from, MemberStatus to, LocalDate effectiveDate, String reason) {
    this.memberId = member.id;
    this.communityId = member.communityId;
    this.fromStatus = from;
    this.toStatus = to;
    this.effectiveDate = effectiveDate;
    this.reason = reason;
    this.recordedAt = OffsetDateTime.now();
  }
}
