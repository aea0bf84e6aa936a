package org.civic.activities.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.TeamKind;
import org.civic.activities.domain.VisitRules;
import org.civic.activities.domain.VolunteerService;
import org.civic.activities.domain.VolunteerTeam;
import org.civic.activities.domain.VolunteerTeamMember;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.activities.persistence.VolunteerServiceRepository;
import org.civic.activities.persistence.VolunteerTeamMemberRepository;
import org.civic.activities.persistence.VolunteerTeamRepository;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@ApplicationScoped
@Transactional
public class VolunteerTeamService {
  private final VolunteerTeamRepository teams;
  private final VolunteerTeamMemberRepository teamMembers;
  private final VolunteerServiceRepository services;
  private final MemberViewRepository members;
  private final RosterAssignmentRepository rosters;
  private final Branches branches;
  private final Members memberAccess;
  private final Access access;

  VolunteerTeamService(
      VolunteerTeamRepository teams,
      VolunteerTeamMemberRepository teamMembers,
      VolunteerServiceRepository services,
      MemberViewRepository members,
      RosterAssignmentRepository rosters,
      Branches branches,
      Members memberAccess,
      Access access) {
    this.teams = teams;
    this.teamMembers = teamMembers;
    this.services = services;
    this.members = members;
    this.rosters = rosters;
    this.branches = branches;
    this.memberAccess = memberAccess;
    this.access = access;
  }

  public VolunteerTeam create(UUID branchId, String name, TeamKind kind, String description) {
    BranchView branch = branches.requireActiveInScope(branchId);
    if (teams.nameTaken(branchId, name)) {
      throw ProblemException.ruleViolation(
          "name", "The branch already has a team named '" + name.trim() + "'");
    }
    VolunteerTeam t = new VolunteerTeam();
    t.id = UUID.randomUUID();
    t.branchId = branchId;
    t.communityId = branch.communityId;
    t.name = name.trim();
    t.kind = kind;
    t.description = description == null || description.isBlank() ? null : description.trim();
    t.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    teams.persist(t);
    return t;
  }

  public VolunteerTeam update(
      UUID id, String ifMatch, Long version, String name, String description) {
    VolunteerTeam t = get(id);
    Versions.require(t.version, ifMatch, version);
    if (!t.name.equals(name.trim()) && teams.nameTaken(t.branchId, name)) {
      throw ProblemException.ruleViolation(
          "name", "The branch already has a team named '" + name.trim() + "'");
    }
    t.name = name.trim();
    t.description = description == null || description.isBlank() ? null : description.trim();
    teams.flush();
    return t;
  }

  /** A team the caller may see; 404 otherwise (as if it did not exist). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public VolunteerTeam get(UUID id) {
    return teams
        .findVisible(id, access.scope())
        .orElseThrow(() -> ProblemException.notFound("Volunteer team", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<VolunteerTeam> list(UUID branchId, TeamKind kind, PageRequest page) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(kind, "kind = :kind", "kind")
            .scoped(VolunteerTeamRepository.visibleTo(access.scope()));
    return q.page(teams, VolunteerTeam.class, Sort.by("name").and("id"), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VolunteerTeamMember> members(UUID teamId) {
    get(teamId);
    return teamMembers.of(teamId, access.scope());
  }

  public VolunteerTeamMember addMember(UUID teamId, UUID memberId) {
    VolunteerTeam t = get(teamId);
    memberAccess.requireVisible("memberId", memberId);
    VolunteerTeamMember.Key key = new VolunteerTeamMember.Key();
    key.teamId = teamId;
    key.memberId = memberId;
    if (teamMembers.findById(key) != null) {
      throw ProblemException.conflict("Member " + memberId + " is already in the team");
    }
    VolunteerTeamMember tm = new VolunteerTeamMember();
    tm.teamId = teamId;
    tm.memberId = memberId;
    tm.memberName = memberAccess.name(memberId);
    tm.branchId = t.branchId;
    tm.communityId = t.communityId;
    tm.joinedAt = OffsetDateTime.now(ZoneOffset.UTC);
    teamMembers.persist(tm);
    return tm;
  }

  public void removeMember(UUID teamId, UUID memberId) {
    get(teamId);
    VolunteerTeamMember.Key key = new VolunteerTeamMember.Key();
    key.teamId = teamId;
    key.memberId = memberId;
    VolunteerTeamMember tm = teamMembers.findById(key);
    if (tm == null) {
      throw ProblemException.notFound("Team member", memberId);
    }
    teamMembers.delete(tm);
  }

  /** A suggested member and the specialty tags that matched. */
  public record Candidate(MemberView member, List<String> matchedTags) {}

  /**
   * Members on the team's branch roster whose specialty tags (爱好特长) match the given tags (or the
   * team kind's default tags), not yet in the team; most matches first.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Candidate> candidates(UUID teamId, List<String> tags) {
    VolunteerTeam t = get(teamId);
    List<String> wanted =
        (tags == null || tags.isEmpty() ? t.kind.defaultTags() : tags)
            .stream()
                .filter(s -> s != null && !s.isBlank())
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
    Set<UUID> inTeam =
        teamMembers.of(teamId).stream().map(m -> m.memberId).collect(Collectors.toSet());
    List<UUID> onRoster =
        rosters.onRoster(t.branchId, access.scope()).stream()
            .map(r -> r.memberId)
            .filter(id -> !inTeam.contains(id))
            .toList();
    if (onRoster.isEmpty()) {
      return List.of();
    }
    return members.withIds(onRoster).stream()
        .map(
            m ->
                new Candidate(
                    m, wanted.stream().filter(tag -> m.specialtyList().contains(tag)).toList()))
        .filter(c -> !c.matchedTags().isEmpty())
        .sorted(
            Comparator.comparing((Candidate c) -> -c.matchedTags().size())
                .thenComparing(c -> c.member().name)
                .thenComparing(c -> c.member().memberId))
        .toList();
  }

  public VolunteerService recordService(
      UUID teamId, UUID memberId, LocalDate servedOn, BigDecimal hours, String description) {
    VolunteerTeam t = get(teamId);
    VolunteerTeamMember.Key key = new VolunteerTeamMember.Key();
    key.teamId = teamId;
    key.memberId = memberId;
    VolunteerTeamMember tm = teamMembers.findById(key);
    if (tm == null) {
      throw ProblemException.ruleViolation(
          "memberId", "Member " + memberId + " is not in the team");
    }
    if (servedOn.isAfter(LocalDate.now(VisitRules.ZONE))) {
      throw ProblemException.ruleViolation("servedOn", "must not be in the future");
    }
    VolunteerService s = new VolunteerService();
    s.id = UUID.randomUUID();
    s.teamId = teamId;
    s.branchId = t.branchId;
    s.communityId = t.communityId;
    s.memberId = memberId;
    s.memberName = tm.memberName;
    s.servedOn = servedOn;
    s.hours = VolunteerService.checkHours(hours);
    s.description = description == null || description.isBlank() ? null : description.trim();
    s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    services.persist(s);
    return s;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<VolunteerService> serviceRecords(
      UUID teamId, LocalDate from, LocalDate to, PageRequest page) {
    get(teamId);
    Query q =
        new Query()
            .when(teamId, "teamId = :team", "team")
            .when(from, "servedOn >= :from", "from")
            .when(to, "servedOn <= :to", "to")
            .scoped(VolunteerServiceRepository.visibleTo(access.scope()));
    return q.page(
        services, VolunteerService.class, Sort.by("servedOn").descending().and("id"), page);
  }

  /** The branch's service records in a period, as far as the caller sees (a member: theirs). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<VolunteerService> servicesOfBranch(UUID branchId, LocalDate from, LocalDate to) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(from, "servedOn >= :from", "from")
            .when(to, "servedOn <= :to", "to")
            .scoped(VolunteerServiceRepository.visibleTo(access.scope()));
    return services.list(q.text(), Sort.by("servedOn").and("id"), q.params());
  }

  /**
   * Hours of a branch in a period: per member, per team, in all.
   *
   * @param perMember null for callers who may see only totals (CITY_SYSTEM)
   */
  public record HoursTotals(
      @Schema(description = "Branch (党支部)") UUID branchId,
      @Schema(description = "First day of the period, inclusive", example = "2026-01-01")
          LocalDate from,
      @Schema(description = "Last day of the period, inclusive", example = "2026-12-31")
          LocalDate to,
      @Schema(description = "Hours served in the period, all teams", example = "126.5")
          BigDecimal total,
      @Schema(description = "Hours per volunteer team") List<Total> perTeam,
      @Schema(description = "Hours per member") List<Total> perMember) {}

  public record Total(
      @Schema(description = "The team or the member") UUID id,
      @Schema(description = "Name of the team or member") String name,
      @Schema(description = "Hours served", example = "12.5") BigDecimal hours,
      @Schema(description = "Number of service records", example = "5") int records) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public HoursTotals hours(UUID branchId, LocalDate from, LocalDate to) {
    if (access.is(Role.MEMBER)) {
      // A member sees their own hours at any branch: the records query keeps only theirs.
      branches.require(branchId);
    } else {
      branches.requireInScope(branchId);
    }
    if (to.isBefore(from)) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    List<VolunteerService> records = servicesOfBranch(branchId, from, to);
    Map<UUID, String> teamNames =
        teams.list("branchId", branchId).stream().collect(Collectors.toMap(t -> t.id, t -> t.name));
    Map<UUID, List<VolunteerService>> byTeam =
        records.stream()
            .collect(Collectors.groupingBy(s -> s.teamId, LinkedHashMap::new, Collectors.toList()));
    Map<UUID, List<VolunteerService>> byMember =
        records.stream()
            .collect(
                Collectors.groupingBy(s -> s.memberId, LinkedHashMap::new, Collectors.toList()));
    List<Total> perTeam =
        byTeam.entrySet().stream()
            .map(
                e ->
                    new Total(
                        e.getKey(),
                        teamNames.get(e.getKey()),
                        sum(e.getValue()),
                        e.getValue().size()))
            .sorted(
                Comparator.comparing(Total::hours).reversed().thenComparing(x -> x.id().toString()))
            .toList();
    List<Total> perMember =
        byMember.entrySet().stream()
            .map(
                e ->
                    new Total(
                        e.getKey(),
                        e.getValue().get(0).memberName,
                        sum(e.getValue()),
                        e.getValue().size()))
            .sorted(
                Comparator.comparing(Total::hours).reversed().thenComparing(x -> x.id().toString()))
            .toList();
    return new HoursTotals(
        branchId, from, to, sum(records), perTeam, access.is(Role.CITY_SYSTEM) ? null : perMember);
  }

  private static BigDecimal sum(List<VolunteerService> records) {
    return records.stream().map(s -> s.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
