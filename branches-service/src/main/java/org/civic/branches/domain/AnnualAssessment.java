package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A branch's target responsibility for a year (目标责任状): goals at the start (年初有目标), mid-year
 * inspection notes (年中有检查), year-end score (年底有考核).
 */
@Entity
@Table(name = "annual_assessment")
public class AnnualAssessment {
  @Id public UUID id;

  @Column(name = "branch_id", nullable = false)
  public UUID branchId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(nullable = false)
  public int year;

  @Column(nullable = false)
  public String goals;

  @Column(name = "mid_year_notes")
  public String midYearNotes;

  @Column(name = "year_end_score")
  public Integer yearEndScore;

  @Column(name = "year_end_notes")
  public String yearEndNotes;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version public long version;

  protected AnnualAssessment() {}

  public AnnualAssessment(Branch branch, int year, String goals) {
    AssessmentRules.checkYear(year);
    this.id = UUID.randomUUID();
    this.branchId = branch.id;
    this.communityId = branch.communityId;
    this.year = year;
    this.goals = goals.trim();
    this.createdAt = OffsetDateTime.now();
  }

  /** Records progress; a year-end score needs the mid-year inspection first. */
  public void record(String goals, String midYearNotes, Integer yearEndScore, String yearEndNotes) {
    AssessmentRules.checkProgress(midYearNotes, yearEndScore);
    this.goals = goals.trim();
    this.midYearNotes = blankToNull(midYearNotes);
    this.yearEndScore = yearEndScore;
    this.yearEndNotes = blankToNull(yearEndNotes);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
