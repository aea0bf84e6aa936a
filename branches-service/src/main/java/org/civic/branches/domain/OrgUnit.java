package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A party organisation in the tree (树状组织). Branches are org units too (same id). */
@Entity
@Table(name = "org_unit")
public class OrgUnit {
  @Id public UUID id;

  @Column(name = "parent_id")
  public UUID parentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgKind kind;

  @Column(nullable = false)
  public String name;

  /** Official organisation code, optional. */
  public String code;

  /** The community this unit belongs to: its own id for a community, null for a street. */
  @Column(name = "community_id")
  public UUID communityId;

  /** The branch this unit belongs to: its own id for a branch, the branch of a party group. */
  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version public long version;

  protected OrgUnit() {}

  /**
   * A new unit under {@code parent} (null for a root); the placement rules of {@link OrgKind} are
   * checked here.
   */
  public OrgUnit(OrgKind kind, OrgUnit parent, String name, String code) {
    this(null, kind, parent, name, code);
  }

  /**
   * A new unit with a given id (null: a random one), e.g. a street whose id the identity provider
   * already uses in its tokens.
   */
  public OrgUnit(UUID id, OrgKind kind, OrgUnit parent, String name, String code) {
    kind.checkParent(parent == null ? null : parent.kind);
    this.id = id == null ? UUID.randomUUID() : id;
    this.kind = kind;
    this.parentId = parent == null ? null : parent.id;
    this.name = name.trim();
    this.code = code == null || code.isBlank() ? null : code.trim();
    this.communityId =
        kind == OrgKind.COMMUNITY_COMMITTEE ? this.id : parent == null ? null : parent.communityId;
    this.branchId = kind.isBranch() ? this.id : parent == null ? null : parent.branchId;
    this.createdAt = OffsetDateTime.now();
  }
}
