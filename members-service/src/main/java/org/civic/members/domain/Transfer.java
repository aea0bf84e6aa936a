package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A transfer of party membership (组织关系转接) in or out of a community, with its introduction letter
 * (介绍信) number and validity. A small state machine: REQUESTED → CONFIRMED | REJECTED | EXPIRED.
 * Until confirmation the sending side stays responsible for the member.
 */
@Entity
@Table(name = "member_transfer")
public class Transfer {
  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TransferDirection direction;

  /** The stored state; {@link #state(LocalDate)} also reports expiry. */
  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  public TransferState storedState;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  /** OUT: the leaving member; IN: the member registered on confirmation (null before). */
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "letter_number", nullable = false)
  public String letterNumber;

  @Column(name = "valid_until", nullable = false)
  public LocalDate validUntil;

  /** The organisation on the other side (转往/转自 党组织). */
  @Column(name = "counterpart_org", nullable = false)
  public String counterpartOrganisation;

  public String note;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "arriving_member")
  public ArrivingMember arrivingMember;

  @Column(name = "requested_at", nullable = false)
  public OffsetDateTime requestedAt;

  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;

  @Column(name = "decision_reason")
  public String decisionReason;

  @Version public long version;

  protected Transfer() {}

  private Transfer(
      TransferDirection direction,
      UUID communityId,
      String letterNumber,
      LocalDate validUntil,
      String counterpartOrganisation,
      String note,
      LocalDate today) {
    TransferRules.requireValidLetter(validUntil, today);
    this.id = UUID.randomUUID();
    this.direction = direction;
    this.storedState = TransferState.REQUESTED;
    this.communityId = communityId;
    this.letterNumber = letterNumber.trim();
    this.validUntil = validUntil;
    this.counterpartOrganisation = counterpartOrganisation.trim();
    this.note = note;
    this.requestedAt = OffsetDateTime.now();
  }

  /** A member of this community leaves: the member must be one the community is responsible for. */
  public static Transfer out(
      Member member,
      String letterNumber,
      LocalDate validUntil,
      String counterpart,
      String note,
      LocalDate today) {
    if (member.status != MemberStatus.ACTIVE && member.status != MemberStatus.LOST_CONTACT) {
      throw new RuleViolation(
          "memberId", "a member who is " + member.status + " cannot be transferred out");
    }
    Transfer t =
        new Transfer(
            TransferDirection.OUT,
            member.communityId,
            letterNumber,
            validUntil,
            counterpart,
            note,
            today);
    t.memberId = member.id;
    return t;
  }

  /** A member arrives; registered as ACTIVE when the transfer is confirmed. */
  public static Transfer in(
      ArrivingMember arriving,
      UUID communityId,
      String letterNumber,
      LocalDate validUntil,
      String counterpart,
      String note,
      LocalDate today) {
    Transfer t =
        new Transfer(
            TransferDirection.IN, communityId, letterNumber, validUntil, counterpart, note, today);
    t.arrivingMember = arriving;
    return t;
  }

  public TransferState state(LocalDate today) {
    return TransferRules.effectiveState(storedState, validUntil, today);
  }

  public boolean isOpen(LocalDate today) {
    return state(today) == TransferState.REQUESTED;
  }

  public void confirm(LocalDate today) {
    storedState = TransferRules.next(state(today), TransferState.CONFIRMED);
    decidedAt = OffsetDateTime.now();
  }

  public void reject(String reason, LocalDate today) {
    storedState = TransferRules.next(state(today), TransferState.REJECTED);
    decidedAt = OffsetDateTime.now();
    decisionReason = reason;
  }
}
