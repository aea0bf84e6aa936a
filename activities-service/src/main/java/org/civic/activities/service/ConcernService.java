package org.civic.activities.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.Concern;
import org.civic.activities.domain.ConcernCategory;
import org.civic.activities.domain.ConcernStatus;
import org.civic.activities.domain.EscalationLevel;
import org.civic.activities.events.ConcernEscalated;
import org.civic.activities.persistence.ConcernRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AuditLog;

@ApplicationScoped
@Transactional
public class ConcernService {
  private final ConcernRepository concerns;
  private final Members members;
  private final Branches branches;
  private final Outbox outbox;
  private final Access access;

  ConcernService(
      ConcernRepository concerns,
      Members members,
      Branches branches,
      Outbox outbox,
      Access access) {
    this.concerns = concerns;
    this.members = members;
    this.branches = branches;
    this.outbox = outbox;
    this.access = access;
  }

  public record RaiseConcern(
      UUID branchId,
      ConcernCategory category,
      String title,
      String description,
      String raisedByName,
      UUID raisedByMemberId,
      UUID buildingId,
      UUID householdId,
      String location,
      OffsetDateTime raisedAt) {}

  public Concern raise(RaiseConcern cmd) {
    BranchView branch = branches.requireActiveInScope(cmd.branchId());
    if (blank(cmd.raisedByName()) && cmd.raisedByMemberId() == null) {
      throw ProblemException.invalid(
          "raisedByName", "name the resident or the member who raised it");
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (cmd.raisedAt() != null && cmd.raisedAt().isAfter(now)) {
      throw ProblemException.ruleViolation("raisedAt", "must not be in the future");
    }
    if (cmd.raisedByMemberId() != null) {
      members.requireVisible("raisedByMemberId", cmd.raisedByMemberId());
    }
    Concern c = new Concern();
    c.id = UUID.randomUUID();
    c.branchId = cmd.branchId();
    c.communityId = branch.communityId;
    c.category = cmd.category();
    c.title = cmd.title().trim();
    c.description = blank(cmd.description()) ? null : cmd.description().trim();
    c.raisedByName =
        blank(cmd.raisedByName())
            ? members.name(cmd.raisedByMemberId())
            : cmd.raisedByName().trim();
    c.raisedByMemberId = cmd.raisedByMemberId();
    c.buildingId = cmd.buildingId();
    c.householdId = cmd.householdId();
    c.location = blank(cmd.location()) ? null : cmd.location().trim();
    c.raisedAt =
        cmd.raisedAt() == null ? now : cmd.raisedAt().withOffsetSameInstant(ZoneOffset.UTC);
    concerns.persist(c);
    return c;
  }

  public Concern assign(UUID id, String ifMatch, Long version, UUID memberId) {
    Concern c = get(id);
    Versions.require(c.version, ifMatch, version);
    members.requireVisible("memberId", memberId);
    c.assign(memberId, OffsetDateTime.now(ZoneOffset.UTC));
    concerns.flush();
    return c;
  }

  public Concern resolve(UUID id, String ifMatch, Long version, String resolution) {
    Concern c = get(id);
    Versions.require(c.version, ifMatch, version);
    c.resolve(resolution, OffsetDateTime.now(ZoneOffset.UTC));
    concerns.flush();
    return c;
  }

  public Concern escalate(
      UUID id, String ifMatch, Long version, EscalationLevel level, String note) {
    Concern c = get(id);
    Versions.require(c.version, ifMatch, version);
    c.escalate(level, note, OffsetDateTime.now(ZoneOffset.UTC));
    concerns.flush();
    outbox.publish("Concern", c.id, c.version, ConcernEscalated.TYPE, ConcernEscalated.of(c));
    return c;
  }

  /** A concern the caller may see; 404 otherwise (as if it did not exist). Not audited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Concern get(UUID id) {
    return concerns
        .findVisible(id, access.scope())
        .orElseThrow(() -> ProblemException.notFound("Concern", id));
  }

  /** Reads a concern for display (it may hold a resident's circumstances): audited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Concern read(UUID id) {
    Concern c = get(id);
    access.audited(AuditLog.Action.READ, "Concern", List.of(c.id), "branch " + c.branchId);
    return c;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Concern> list(
      UUID branchId,
      ConcernStatus status,
      ConcernCategory category,
      Integer openOlderThanDays,
      PageRequest page) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(status, "status = :status", "status")
            .when(category, "category = :category", "category")
            .scoped(ConcernRepository.visibleTo(access.scope()));
    if (openOlderThanDays != null) {
      // Two single-valued parameters, not a list: a list parameter would make Hibernate translate
      // the query again on every call (ADR 0009).
      q.when(
              "status in (:open, :assigned)",
              Map.of("open", ConcernStatus.OPEN, "assigned", ConcernStatus.ASSIGNED))
          .when(
              OffsetDateTime.now(ZoneOffset.UTC).minusDays(openOlderThanDays),
              "raisedAt < :cutoff",
              "cutoff");
    }
    Page<Concern> result = q.page(concerns, Concern.class, Sort.by("raisedAt").and("id"), page);
    access.audited(
        AuditLog.Action.READ,
        "Concern",
        result.items().stream().map(c -> c.id).toList(),
        "concern list");
    return result;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Concern> raisedBetween(UUID branchId, OffsetDateTime from, OffsetDateTime to) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(from, "raisedAt >= :from", "from")
            .when(to, "raisedAt < :to", "to")
            .scoped(ConcernRepository.visibleTo(access.scope()));
    return concerns.list(q.text(), Sort.by("raisedAt").and("id"), q.params());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
