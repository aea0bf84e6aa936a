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

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Version public long version;

  protected OrgUnit() {}

  /**
   * A new unit under {@code parent} (null for a root); the placement rules of {@link OrgKind} are
   * checked here.
   */
  public OrgUnit(OrgKind kind, OrgUnit parent, String name, String code) {
    kind.checkParent(parent == null ? null : parent.kind);
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.parentId = parent == null ? null : parent.id;
    this.name = name.trim();
    this.code = code == null || code.isBlank() ? null : code.trim();
    this.communityId =
        kind == OrgKind.COMMUNITY_COMMITTEE ? id : parent == null ? null : parent.communityId;
    this.createdAt = OffsetDateTime.now();
  }
}
