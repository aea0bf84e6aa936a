package org.civic.branches.domain;

import java.util.Set;
import org.civic.domain.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kinds of party organisation in the tree, with the parent kinds each may hang under. */
@Schema(
    description =
        "Kind of party organisation (组织类型): STREET_WORKING_COMMITTEE — 街道党工委, COMMUNITY_COMMITTEE — 社区党委/党总支, BUILDING_BRANCH — 樓幢党支部, JOINT_BRANCH — 联合支部 (2 to 5 small buildings), PARTY_GROUP — 党小组, UNIT_ORGANISATION — 驻区单位党组织, FLOATING_MEMBER_STATION — 流动党员管理站")
public enum OrgKind {
  /** 街道党工委: the root of a street's tree. */
  STREET_WORKING_COMMITTEE,
  /** 社区党委/党总支. */
  COMMUNITY_COMMITTEE,
  /** 樓幢党支部: a branch over one building. */
  BUILDING_BRANCH,
  /** 联合支部: a branch over 2 to 5 small buildings. */
  JOINT_BRANCH,
  /** 党小组: a group inside a branch. */
  PARTY_GROUP,
  /** 驻区单位党组织: organisation of a unit located in the community. */
  UNIT_ORGANISATION,
  /** 流动党员管理站. */
  FLOATING_MEMBER_STATION;

  /** The parent kinds this kind may have; empty means it must be a root. */
  public Set<OrgKind> allowedParents() {
    return switch (this) {
      case STREET_WORKING_COMMITTEE -> Set.of();
      case COMMUNITY_COMMITTEE -> Set.of(STREET_WORKING_COMMITTEE);
      case BUILDING_BRANCH, JOINT_BRANCH, UNIT_ORGANISATION, FLOATING_MEMBER_STATION ->
          Set.of(COMMUNITY_COMMITTEE);
      case PARTY_GROUP -> Set.of(BUILDING_BRANCH, JOINT_BRANCH);
    };
  }

  public boolean isBranch() {
    return this == BUILDING_BRANCH || this == JOINT_BRANCH;
  }

  /** Checks where a unit of this kind may be placed; parentKind null means at the root. */
  public void checkParent(OrgKind parentKind) {
    if (parentKind == null) {
      if (!allowedParents().isEmpty()) {
        throw new RuleViolation(
            "parentId", "A " + this + " needs a parent of kind " + allowedParents());
      }
      return;
    }
    if (!allowedParents().contains(parentKind)) {
      throw new RuleViolation(
          "parentId",
          allowedParents().isEmpty()
              ? "A " + this + " is a root and cannot have a parent"
              : "A "
                  + this
                  + " cannot be placed under a "
                  + parentKind
                  + "; allowed parents: "
                  + allowedParents());
    }
  }
}
