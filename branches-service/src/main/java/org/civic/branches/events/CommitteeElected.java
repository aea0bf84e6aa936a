package org.civic.branches.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.ElectionMethod;
import org.civic.branches.domain.SeatRole;
import org.civic.branches.domain.Term;

/** Payload of CommitteeElected (key branchId, aggregate Branch). */
public record CommitteeElected(
    UUID branchId,
    UUID termId,
    int number,
    LocalDate startDate,
    LocalDate endDate,
    ElectionMethod electionMethod,
    List<SeatHolder> seats) {
  public static final String TYPE = "CommitteeElected";

  public record SeatHolder(UUID memberId, SeatRole role) {}

  public static CommitteeElected of(Term t) {
    return new CommitteeElected(
        t.branchId,
        t.id,
        t.number,
        t.startDate,
        t.endDate,
        t.electionMethod,
        t.seats.stream().map(s -> new SeatHolder(s.memberId, s.role)).toList());
  }
}
