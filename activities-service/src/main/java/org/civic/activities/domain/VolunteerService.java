package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** One service record of a team member: date and hours (0 < hours ≤ 24). */
@Entity
@Table(name = "volunteer_service")
public class VolunteerService {
  public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

  @Id public UUID id;

  @Column(name = "team_id")
  public UUID teamId;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "member_name")
  public String memberName;

  @Column(name = "served_on")
  public LocalDate servedOn;

  public BigDecimal hours;
  public String description;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** Hours of one record: more than 0, at most 24, in steps of 0.1. */
  public static BigDecimal checkHours(BigDecimal hours) {
    if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
      throw new RuleViolation("hours", "must be more than 0 and at most 24");
    }
    if (hours.stripTrailingZeros().scale() > 1) {
      throw new RuleViolation("hours", "at most one decimal place");
    }
    return hours;
  }
}
