package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.AnnualAssessment;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.Building;
import org.civic.branches.domain.Honour;
import org.civic.branches.domain.HonourKind;
import org.civic.branches.domain.Resident;
import org.civic.branches.persistence.AssessmentRepository;
import org.civic.branches.persistence.BuildingRepository;
import org.civic.branches.persistence.HonourRepository;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.domain.RuleViolation;
import org.civic.web.locking.Versions;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.Role;

/** Annual targets and assessments of branches, and honours. */
@ApplicationScoped
@Transactional
public class AssessmentService {
  private final AssessmentRepository assessments;
  private final HonourRepository honours;
  private final BranchService branches;
  private final BuildingRepository buildings;
  private final ResidentRepository residents;
  private final Access access;

  AssessmentService(
      AssessmentRepository assessments,
      HonourRepository honours,
      BranchService branches,
      BuildingRepository buildings,
      ResidentRepository residents,
      Access access) {
    this.assessments = assessments;
    this.honours = honours;
    this.branches = branches;
    this.buildings = buildings;
    this.residents = residents;
    this.access = access;
  }

  /** Sets the goals of a year (creates the year's record). */
  public AnnualAssessment setGoals(UUID branchId, int year, String goals) {
    Branch branch = branches.writable(branchId);
    if (assessments.exists(branchId, year)) {
      throw ProblemException.ruleViolation(
          "year", "The goals of " + year + " are set already; update them with PUT");
    }
    AnnualAssessment a = rule(() -> new AnnualAssessment(branch, year, goals));
    assessments.persist(a);
    return a;
  }

  public AnnualAssessment record(
      UUID branchId,
      int year,
      String goals,
      String midYearNotes,
      Integer yearEndScore,
      String yearEndNotes,
      String ifMatch,
      Long version) {
    branches.writable(branchId);
    AnnualAssessment a = get(branchId, year);
    Versions.require(a.version, ifMatch, version);
    rule(
        () -> {
          a.record(goals, midYearNotes, yearEndScore, yearEndNotes);
          return a;
        });
    assessments.flush();
    return a;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AnnualAssessment get(UUID branchId, int year) {
    branches.get(branchId);
    return assessments
        .of(branchId, year, access.scope())
        .orElseThrow(() -> ProblemException.notFound("Assessment of year", year));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AnnualAssessment> ofBranch(UUID branchId) {
    branches.get(branchId);
    return assessments.ofBranch(branchId, access.scope());
  }

  public Honour award(
      HonourKind kind,
      int year,
      UUID branchId,
      UUID buildingId,
      UUID memberId,
      String basis,
      LocalDate awardedOn) {
    UUID community;
    if (branchId != null) {
      Branch b = branches.branchOrNull(branchId);
      if (b == null) {
        throw ProblemException.ruleViolation("branchId", "Branch " + branchId + " does not exist");
      }
      community = b.communityId;
    } else if (buildingId != null) {
      Building b = buildings.findById(buildingId);
      if (b == null) {
        throw ProblemException.ruleViolation(
            "buildingId", "Building " + buildingId + " does not exist");
      }
      community = b.communityId;
    } else if (memberId != null) {
      Resident r = residents.findById(memberId);
      if (r == null || r.communityId == null) {
        throw ProblemException.ruleViolation(
            "memberId", "Member " + memberId + " is not known as a resident of a community");
      }
      community = r.communityId;
    } else {
      community = null;
    }
    Honour h =
        rule(
            () ->
                new Honour(
                    kind, year, community, branchId, buildingId, memberId, basis, awardedOn));
    access.requireCommunity(community);
    if (honours.alreadyAwarded(kind, year, branchId, buildingId, memberId)) {
      throw ProblemException.ruleViolation(
          "kind", kind + " of " + year + " was already awarded to this recipient");
    }
    honours.persist(h);
    return h;
  }

  /**
   * The honours the caller may see; a city system does not see honours of named members
   * (OUTSTANDING_MEMBER).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Honour> honours(UUID communityId, Integer year) {
    return honours.search(communityId, year, !access.is(Role.CITY_SYSTEM), access.scope());
  }

  private static <T> T rule(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
  }
}
