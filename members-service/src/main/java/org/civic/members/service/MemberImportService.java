package org.civic.members.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.domain.RuleViolation.Violation;
import org.civic.eventing.outbox.Outbox;
import org.civic.eventing.outbox.OutgoingEvent;
import org.civic.members.domain.Address;
import org.civic.members.domain.Household;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.StatusChange;
import org.civic.members.events.MemberRegistered;
import org.civic.members.events.MemberSnapshot;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.persistence.ListedMember;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.service.sheet.MemberColumn;
import org.civic.members.service.sheet.MemberRowParser;
import org.civic.members.service.sheet.MemberRowParser.ParsedRow;
import org.civic.members.service.sheet.SheetRow;
import org.civic.members.service.sheet.SheetWriter;
import org.civic.web.persistence.InListChunks;
import org.civic.web.problem.Problem;
import org.civic.web.problem.ProblemException;
import org.civic.web.problem.ProblemType;
import org.civic.web.security.AuditLog;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Bulk import and export of the register. Import is all or nothing: every row is validated first,
 * every bad row is reported, and nothing is stored unless all rows are good.
 */
@ApplicationScoped
public class MemberImportService {
  /** Largest accepted file. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Most rows in one file. */
  public static final int MAX_ROWS = 20_000;

  /** Audit log resource type of exports. */
  public static final String MEMBER_EXPORT = "MemberExport";

  private static final int FLUSH_EVERY = 500;
  private static final Logger LOG = Logger.getLogger(MemberImportService.class);

  private final KnownBuildingRepository buildings;
  private final HouseholdRepository households;
  private final MemberService members;
  private final Outbox outbox;
  private final EntityManager em;
  private final CurrentCaller callers;
  private final AuditLog audit;

  MemberImportService(
      KnownBuildingRepository buildings,
      HouseholdRepository households,
      MemberService members,
      Outbox outbox,
      EntityManager em,
      CurrentCaller callers,
      AuditLog audit) {
    this.buildings = buildings;
    this.households = households;
    this.members = members;
    this.outbox = outbox;
    this.em = em;
    this.callers = callers;
    this.audit = audit;
  }

  /** What an import did (or, for a dry run, would do). */
  public record ImportResult(
      @Schema(description = "Only validated, nothing imported", example = "false") boolean dryRun,
      @Schema(description = "Data rows in the file", example = "120") int rows,
      @Schema(description = "Members registered (0 for a dry run)", example = "120") int imported,
      @Schema(description = "Time taken in milliseconds", example = "850") long millis) {}

  @Transactional
  @TransactionConfiguration(timeout = 900)
  public ImportResult importRows(List<SheetRow> rows, UUID defaultBuilding, boolean dryRun) {
    long start = System.nanoTime();
    if (rows.isEmpty()) {
      throw ProblemException.ruleViolation("file", "The sheet has no member rows");
    }
    LocalDate today = MemberRules.today();
    List<Violation> errors = new ArrayList<>();
    List<ParsedRow> parsed = new ArrayList<>(rows.size());
    for (SheetRow row : rows) {
      ParsedRow p = MemberRowParser.parse(row, defaultBuilding, today, errors);
      if (p != null) {
        parsed.add(p);
      }
    }
    Map<UUID, KnownBuilding> known = knownBuildings(parsed);
    requireInScope(parsed, known, rows.size());
    Map<String, Integer> seen = new HashMap<>();
    for (ParsedRow p : parsed) {
      if (!known.containsKey(p.address().buildingId())) {
        errors.add(
            new Violation(
                "row " + p.number() + ": buildingId",
                "Building "
                    + p.address().buildingId()
                    + " is not a known building: register it in branches-service first"));
      }
      String identity =
          p.details().name() + "|" + p.details().birthDate() + "|" + p.address().toString();
      Integer first = seen.putIfAbsent(identity, p.number());
      if (first != null) {
        errors.add(
            new Violation(
                "row " + p.number() + ": name",
                "the same person (name, birth date, address) is already in row " + first));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> Integer.compare(rowNumber(a.field()), rowNumber(b.field())));
      long badRows = errors.stream().map(e -> rowNumber(e.field())).distinct().count();
      throw new ProblemException(
          ProblemType.BUSINESS_RULE_VIOLATION,
          badRows
              + " of "
              + rows.size()
              + " rows have problems; nothing was imported. Fix them and import the file again.",
          errors.stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
    }
    if (dryRun) {
      return new ImportResult(true, rows.size(), 0, millisSince(start));
    }
    Map<UUID, UUID> communityOf =
        known.values().stream().collect(Collectors.toMap(b -> b.id, b -> b.communityId));
    Map<Address, Household> byAddress =
        households.ensure(parsed.stream().map(ParsedRow::address).toList(), communityOf);
    long checked = System.nanoTime();
    // Members and their first status entry go in as JDBC batches, the outbox rows as one more.
    List<MemberSnapshot> snapshots = new ArrayList<>(parsed.size());
    List<Long> versions = new ArrayList<>(parsed.size());
    int n = 0;
    for (ParsedRow p : parsed) {
      Household household = byAddress.get(p.address());
      Member member =
          new Member(
              p.details(),
              communityOf.get(p.address().buildingId()),
              household,
              p.status(),
              p.statusSince());
      em.persist(member);
      em.persist(new StatusChange(member, null, p.status(), p.statusSince(), "imported (导入)"));
      snapshots.add(MemberRegistered.of(member));
      versions.add(member.version);
      if (++n % FLUSH_EVERY == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    em.clear();
    long stored = System.nanoTime();
    List<OutgoingEvent> events = new ArrayList<>(snapshots.size());
    for (int i = 0; i < snapshots.size(); i++) {
      MemberSnapshot snapshot = snapshots.get(i);
      events.add(
          new OutgoingEvent(
              MemberService.AGGREGATE,
              snapshot.memberId(),
              versions.get(i),
              MemberRegistered.TYPE,
              snapshot));
    }
    outbox.publishAll(events);
    LOG.infof(
        "Imported %d members: checked in %d ms, stored in %d ms, outbox in %d ms",
        n,
        (checked - start) / 1_000_000,
        (stored - checked) / 1_000_000,
        (System.nanoTime() - stored) / 1_000_000);
    return new ImportResult(false, rows.size(), n, millisSince(start));
  }

  /**
   * The register of a building or a community as xlsx, in the import layout: only the members the
   * caller may see (the query is scoped), every export written to the audit log with the exported
   * member ids.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public byte[] export(UUID buildingId, UUID communityId) {
    MemberQuery query =
        new MemberQuery(
            communityId, buildingId, null, null, null, null, null, null, null, null, null, null);
    List<Map<MemberColumn, String>> rows = new ArrayList<>();
    List<UUID> exported = new ArrayList<>();
    for (ListedMember m : members.all(query)) {
      rows.add(MemberRowParser.values(m));
      exported.add(m.id());
    }
    byte[] file = SheetWriter.xlsx("党员名册", rows);
    audit.record(
        callers.caller(),
        AuditLog.Action.EXPORT,
        MEMBER_EXPORT,
        exported,
        "xlsx export, communityId="
            + communityId
            + ", buildingId="
            + buildingId
            + ", "
            + exported.size()
            + " members");
    return file;
  }

  /**
   * Every row must name a building of the caller's scope: rows outside it fail the whole file with
   * one 403 naming each of them (nothing is imported, as with any other bad row).
   */
  private void requireInScope(List<ParsedRow> parsed, Map<UUID, KnownBuilding> known, int total) {
    Scope scope = callers.scope();
    List<Problem.FieldError> outside = new ArrayList<>();
    for (ParsedRow p : parsed) {
      KnownBuilding b = known.get(p.address().buildingId());
      if (b != null && !scope.permits(b.communityId, null, null, null)) {
        outside.add(
            new Problem.FieldError(
                "row " + p.number() + ": buildingId",
                "Building " + b.id + " is outside your organisation scope"));
      }
    }
    if (!outside.isEmpty()) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          outside.size()
              + " of "
              + total
              + " rows name buildings outside your organisation scope; nothing was imported.",
          outside);
    }
  }

  private Map<UUID, KnownBuilding> knownBuildings(List<ParsedRow> parsed) {
    Set<UUID> ids = new HashSet<>();
    parsed.forEach(p -> ids.add(p.address().buildingId()));
    // In chunks of single-valued parameters (ADR 0009): a register may name thousands of buildings.
    return InListChunks.list("id", "b", ids, in -> buildings.list(in.condition(), in.parameters()))
        .stream()
        .collect(Collectors.toMap(b -> b.id, b -> b));
  }

  private static int rowNumber(String field) {
    // "row 7: birthDate"
    int colon = field.indexOf(':');
    try {
      return Integer.parseInt(field.substring(4, colon));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
