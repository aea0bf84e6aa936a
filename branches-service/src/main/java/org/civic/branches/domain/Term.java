package org.civic.branches.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A committee term (届) of a branch: number, dates, election method and seats. */
@Entity
@Table(name = "term")
public class Term {
  @Id public UUID id;

  @Column(name = "branch_id", nullable = false)
  public UUID branchId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(nullable = false)
  public int number;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  public LocalDate endDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "election_method", nullable = false)
  public ElectionMethod electionMethod;

  /** Only one term per branch is current; a new term ends the previous one. */
  @Column(name = "is_current", nullable = false)
  public boolean current;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "term_seat", joinColumns = @JoinColumn(name = "term_id"))
  @OrderColumn(name = "seat_order")
  public List<Seat> seats = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version public long version;

  protected Term() {}

  public Term(
      Branch branch,
      int number,
      LocalDate startDate,
      LocalDate endDate,
      ElectionMethod method,
      List<Seat> seats) {
    this.id = UUID.randomUUID();
    this.branchId = branch.id;
    this.communityId = branch.communityId;
    this.number = number;
    this.startDate = startDate;
    this.endDate = endDate;
    this.electionMethod = method;
    this.current = true;
    this.seats = new ArrayList<>(seats);
    this.createdAt = OffsetDateTime.now();
  }
}
