package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.branches.persistence.OrgTreeDirectory;
import org.civic.branches.persistence.OrgUnitRepository;
import org.civic.domain.RuleViolation;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.Caller;
import org.civic.web.security.Role;
import org.civic.web.security.Scope;

@ApplicationScoped
@Transactional
public class OrgUnitService {
  private final OrgUnitRepository units;
  private final OrgTreeDirectory directory;
  private final Access access;

  OrgUnitService(OrgUnitRepository units, Access access, OrgTreeDirectory directory) {
    this.units = units;
    this.access = access;
    this.directory = directory;
  }

  /** A unit and its descendants, children sorted by name. */
  public record Node(OrgUnit unit, List<Node> children) {}

  /**
   * Creates any unit but a branch (branches are established through their own rules). A root
   * (street working committee) is created only by the administrator of that street, with the id
   * their token is bound to; any other unit only under a parent in the caller's scope.
   *
   * @param id the new unit's id; required for a root, random when omitted otherwise
   */
  public OrgUnit create(UUID id, UUID parentId, OrgKind kind, String name, String code) {
    if (kind.isBranch()) {
      throw ProblemException.ruleViolation(
          "kind", "Branches are established with POST /api/v1/branches, which checks their rules");
    }
    OrgUnit parent = null;
    if (parentId == null) {
      check(() -> kind.checkParent(null));
      Caller caller = access.caller();
      if (!caller.is(Role.STREET_ADMIN) || id == null || !id.equals(caller.orgUnitId())) {
        throw new AccessDenied(
            "A street working committee is created by that street's administrator, with the id"
                + " their token is bound to");
      }
    } else {
      parent =
          units
              .findByIdOptional(parentId)
              .orElseThrow(
                  () ->
                      ProblemException.ruleViolation(
                          "parentId", "Org unit " + parentId + " does not exist"));
      if (units.findVisible(parentId, access.orgUnits()).isEmpty()) {
        throw new AccessDenied("Org unit " + parentId + " is outside your organisation scope");
      }
    }
    if (id != null && units.findById(id) != null) {
      throw ProblemException.conflict("Org unit " + id + " already exists");
    }
    return persistNew(id, kind, parent, name, code);
  }

  /** Persists a new unit (random id) after the placement, name and code checks. */
  OrgUnit persistNew(OrgKind kind, OrgUnit parent, String name, String code) {
    return persistNew(null, kind, parent, name, code);
  }

  private OrgUnit persistNew(UUID id, OrgKind kind, OrgUnit parent, String name, String code) {
    OrgUnit unit = rule(() -> new OrgUnit(id, kind, parent, name, code));
    if (units.nameTaken(unit.parentId, unit.name)) {
      throw ProblemException.ruleViolation(
          "name", "An org unit named '" + unit.name + "' already exists under this parent");
    }
    if (units.codeTaken(unit.code)) {
      throw ProblemException.ruleViolation(
          "code", "The organisation code '" + unit.code + "' is already used");
    }
    units.persist(unit);
    directory.treeChanged();
    return unit;
  }

  /** A unit the caller may see: 404 when it does not exist, 403 when it is outside the scope. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OrgUnit get(UUID id) {
    return units
        .findVisible(id, access.orgUnits())
        .orElseThrow(
            () ->
                units.findById(id) == null
                    ? ProblemException.notFound("Org unit", id)
                    : new AccessDenied("Org unit " + id + " is outside your organisation scope"));
  }

  /** Any unit, whoever asks: for views of records already checked (e.g. a branch's code). */
  @Transactional(Transactional.TxType.SUPPORTS)
  OrgUnit find(UUID id) {
    return units.findById(id);
  }

  /** The community committee with this id, else 422 (missing or another kind). Not scoped. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OrgUnit community(UUID id, String field) {
    OrgUnit unit =
        units
            .findByIdOptional(id)
            .orElseThrow(
                () -> ProblemException.ruleViolation(field, "Community " + id + " does not exist"));
    if (unit.kind != OrgKind.COMMUNITY_COMMITTEE) {
      throw ProblemException.ruleViolation(
          field, "Org unit " + id + " is a " + unit.kind + ", not a COMMUNITY_COMMITTEE");
    }
    return unit;
  }

  /** The ids from the root (a street) down to and including {@code unit}. Not scoped. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> path(OrgUnit unit) {
    List<UUID> path = new ArrayList<>();
    OrgUnit at = unit;
    while (at != null && path.size() < 10) {
      path.add(at.id);
      at = at.parentId == null ? null : units.findById(at.parentId);
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * The children of {@code parentId} the caller may see; without a parent, the top of the caller's
   * part of the tree: the unit their role is bound to (a street, community or branch).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnit> children(UUID parentId, PageRequest page) {
    Scope.Clause visible = access.orgUnits();
    if (parentId == null) {
      UUID own = access.caller().orgUnitId();
      List<OrgUnit> top =
          own == null ? List.of() : units.findVisible(own, visible).stream().toList();
      List<OrgUnit> items = page.page == 0 ? top : List.of();
      return Page.of(items, page, top.size());
    }
    get(parentId);
    return Page.of(
        units.children(parentId, visible, page), page, units.countChildren(parentId, visible));
  }

  /** The subtree under {@code id} that the caller may see, read level by level. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Node tree(UUID id) {
    OrgUnit root = get(id);
    Scope.Clause visible = access.orgUnits();
    Map<UUID, List<OrgUnit>> childrenOf = new java.util.HashMap<>();
    List<UUID> level = List.of(root.id);
    while (!level.isEmpty()) {
      List<OrgUnit> next = units.childrenOf(level, visible);
      childrenOf.putAll(next.stream().collect(Collectors.groupingBy(u -> u.parentId)));
      level = next.stream().map(u -> u.id).toList();
    }
    return build(root, childrenOf);
  }

  private static Node build(OrgUnit unit, Map<UUID, List<OrgUnit>> childrenOf) {
    List<Node> children = new ArrayList<>();
    for (OrgUnit child : childrenOf.getOrDefault(unit.id, List.of())) {
      children.add(build(child, childrenOf));
    }
    return new Node(unit, children);
  }

  private static <T> T rule(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
  }

  private static void check(Runnable check) {
    rule(
        () -> {
          check.run();
          return null;
        });
  }
}
