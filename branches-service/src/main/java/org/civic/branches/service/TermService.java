package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.CommitteeRules;
import org.civic.branches.domain.CommitteeRules.SeatRequest;
import org.civic.branches.domain.ElectionMethod;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.Seat;
import org.civic.branches.domain.Term;
import org.civic.branches.events.CommitteeElected;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.branches.persistence.RosterEntryRepository;
import org.civic.branches.persistence.TermRepository;
import org.civic.domain.RuleViolation;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.problem.ProblemException;

/** Committee terms (届) of branches: elections and re-election reminders (换届提醒). */
@ApplicationScoped
@Transactional
public class TermService {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final TermRepository terms;
  private final RosterEntryRepository entries;
  private final ResidentRepository residents;
  private final BranchService branches;
  private final Access access;
  private final Outbox outbox;

  TermService(
      TermRepository terms,
      RosterEntryRepository entries,
      ResidentRepository residents,
      BranchService branches,
      Access access,
      Outbox outbox) {
    this.terms = terms;
    this.entries = entries;
    this.residents = residents;
    this.branches = branches;
    this.access = access;
    this.outbox = outbox;
  }

  public record Elected(Term term, List<String> warnings) {}

  /** Records a new term with its seats; the previous current term ends. */
  public Elected elect(
      UUID branchId,
      Integer number,
      LocalDate startDate,
      LocalDate endDate,
      ElectionMethod method,
      List<SeatRequest> seats) {
    Branch branch = branches.writable(branchId);
    if (!branch.active()) {
      throw ProblemException.ruleViolation("id", "Branch " + branchId + " is dissolved");
    }
    Set<UUID> roster = new HashSet<>(entries.memberIdsOn(List.of(branchId)));
    long fullMembers = entries.sizes(List.of(branchId)).get(branchId)[1];
    int previous = terms.lastNumber(branchId);
    int n = number == null ? previous + 1 : number;
    LocalDate end = endDate == null ? CommitteeRules.defaultEnd(branch.kind, startDate) : endDate;
    List<String> warnings;
    try {
      warnings = CommitteeRules.checkSeats(fullMembers, roster, seats);
      CommitteeRules.checkTerm(n, previous, startDate, end);
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
    terms.current(branchId).ifPresent(t -> t.current = false);
    terms.flush(); // the old term stops being current before the new one is inserted
    List<Seat> held =
        seats.stream()
            .map(
                s -> {
                  Resident r = residents.findById(s.memberId());
                  return new Seat(s.memberId(), s.role(), r == null ? null : r.name);
                })
            .toList();
    Term term = new Term(branch, n, startDate, end, method, held);
    terms.persist(term);
    branch.touch();
    terms.flush();
    outbox.publish(
        "Branch", branchId, branch.version, CommitteeElected.TYPE, CommitteeElected.of(term));
    return new Elected(term, warnings);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Term> ofBranch(UUID branchId) {
    branches.get(branchId);
    return terms.ofBranch(branchId, access.scope());
  }

  /**
   * Re-election reminders.
   *
   * @param withSeats whether the caller may see who holds the seats (staff; not a city system)
   */
  public record Expiring(List<Term> terms, boolean withSeats) {}

  /**
   * The current terms in the caller's scope ending within {@code withinDays} days from today
   * (Asia/Shanghai), or overdue.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Expiring expiring(int withinDays) {
    return new Expiring(
        terms.currentEndingBy(LocalDate.now(ZONE).plusDays(withinDays), access.scope()),
        access.caller().isStaff());
  }
}
