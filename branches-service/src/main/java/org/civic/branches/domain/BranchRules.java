package org.civic.branches.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** The rules for setting up a branch and changing what it covers (DOMAIN.md). */
public final class BranchRules {
  /** A branch needs at least this many full members (正式党员). */
  public static final int MIN_FULL_MEMBERS = 3;

  /** A joint branch covers at most this many buildings. */
  public static final int MAX_JOINT_BUILDINGS = 5;

  /** Above this many members a branch is too big to organise well: a warning, not an error. */
  public static final int ADVISED_MAX_MEMBERS = 50;

  private BranchRules() {}

  /** Whether a building's residents are enough for a branch of its own (≥ 3 full members). */
  public static boolean eligibleForOwnBranch(long fullMembers) {
    return fullMembers >= MIN_FULL_MEMBERS;
  }

  /** Whether a branch with this many full members on its roster needs attention. */
  public static boolean belowMinimum(long fullMembers) {
    return fullMembers < MIN_FULL_MEMBERS;
  }

  /**
   * Checks that a branch of {@code kind} in {@code communityId} may cover {@code buildings}.
   *
   * @param branchId the branch itself when changing its coverage (its own buildings are fine), null
   *     when establishing
   * @return warnings that do not stop the change (e.g. more than 50 members)
   * @throws RuleViolation naming the broken rule
   */
  public static List<String> checkCoverage(
      OrgKind kind, UUID communityId, UUID branchId, List<BuildingFacts> buildings) {
    if (!kind.isBranch()) {
      throw new RuleViolation("kind", "kind must be BUILDING_BRANCH or JOINT_BRANCH, not " + kind);
    }
    if (buildings.isEmpty()) {
      throw new RuleViolation("buildingIds", "A branch must cover at least one building");
    }
    Set<UUID> seen = new HashSet<>();
    for (BuildingFacts b : buildings) {
      if (!seen.add(b.buildingId())) {
        throw new RuleViolation("buildingIds", "Building " + b.buildingId() + " is listed twice");
      }
    }
    if (kind == OrgKind.BUILDING_BRANCH && buildings.size() != 1) {
      throw new RuleViolation(
          "buildingIds",
          "A BUILDING_BRANCH covers exactly one building; use a JOINT_BRANCH for "
              + buildings.size()
              + " buildings");
    }
    if (kind == OrgKind.JOINT_BRANCH
        && (buildings.size() < 2 || buildings.size() > MAX_JOINT_BUILDINGS)) {
      throw new RuleViolation(
          "buildingIds",
          "A JOINT_BRANCH covers 2 to "
              + MAX_JOINT_BUILDINGS
              + " buildings, not "
              + buildings.size());
    }
    for (BuildingFacts b : buildings) {
      if (!b.communityId().equals(communityId)) {
        throw new RuleViolation(
            "buildingIds",
            "Building " + label(b) + " belongs to another community than the branch");
      }
      if (b.coveringBranchId() != null && !b.coveringBranchId().equals(branchId)) {
        throw new RuleViolation(
            "buildingIds",
            "Building "
                + label(b)
                + " is already covered by branch "
                + b.coveringBranchId()
                + "; a building belongs to at most one branch");
      }
    }
    long full = buildings.stream().mapToLong(BuildingFacts::fullMembers).sum();
    long total = buildings.stream().mapToLong(BuildingFacts::totalMembers).sum();
    if (full < MIN_FULL_MEMBERS) {
      throw new RuleViolation(
          "buildingIds",
          "A branch needs at least "
              + MIN_FULL_MEMBERS
              + " full members (正式党员) living in its buildings; these have "
              + full
              + (kind == OrgKind.BUILDING_BRANCH ? ": join the building into a JOINT_BRANCH" : ""));
    }
    List<String> warnings = new ArrayList<>();
    if (total > ADVISED_MAX_MEMBERS) {
      warnings.add(
          "The branch would have "
              + total
              + " members, more than the advised "
              + ADVISED_MAX_MEMBERS
              + "; consider splitting it");
    }
    return warnings;
  }

  private static String label(BuildingFacts b) {
    return b.name() == null ? b.buildingId().toString() : b.name() + " (" + b.buildingId() + ")";
  }
}
