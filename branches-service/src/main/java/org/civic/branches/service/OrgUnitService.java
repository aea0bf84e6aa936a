package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.branches.persistence.OrgUnitRepository;
import org.civic.domain.RuleViolation;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

@ApplicationScoped
@Transactional
public class OrgUnitService {
  private final OrgUnitRepository units;

  OrgUnitService(OrgUnitRepository units) {
    this.units = units;
  }

  /** A unit and its descendants, children sorted by name. */
  public record Node(OrgUnit unit, List<Node> children) {}

  /** Creates any unit but a branch (branches are established through their own rules). */
  public OrgUnit create(UUID parentId, OrgKind kind, String name, String code) {
    if (kind.isBranch()) {
      throw ProblemException.ruleViolation(
          "kind", "Branches are established with POST /api/v1/branches, which checks their rules");
    }
    OrgUnit parent = null;
    if (parentId != null) {
      parent =
          units
              .findByIdOptional(parentId)
              .orElseThrow(
                  () ->
                      ProblemException.ruleViolation(
                          "parentId", "Org unit " + parentId + " does not exist"));
    }
    return persistNew(kind, parent, name, code);
  }

  /** Persists a new unit after the placement, name and code checks. */
  OrgUnit persistNew(OrgKind kind, OrgUnit parent, String name, String code) {
    OrgUnit unit;
    try {
      unit = new OrgUnit(kind, parent, name, code);
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
    if (units.nameTaken(unit.parentId, unit.name)) {
      throw ProblemException.ruleViolation(
          "name", "An org unit named '" + unit.name + "' already exists under this parent");
    }
    if (units.codeTaken(unit.code)) {
      throw ProblemException.ruleViolation(
          "code", "The organisation code '" + unit.code + "' is already used");
    }
    units.persist(unit);
    return unit;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public OrgUnit get(UUID id) {
    return units.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Org unit", id));
  }

  /** The community committee with this id, else 404 (missing) or 422 (another kind). */
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

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnit> children(UUID parentId, PageRequest page) {
    if (parentId != null) {
      get(parentId);
    }
    return Page.of(units.children(parentId, page), page, units.countChildren(parentId));
  }

  /** The subtree under {@code id}, read level by level (the tree is at most four deep). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Node tree(UUID id) {
    OrgUnit root = get(id);
    Map<UUID, List<OrgUnit>> childrenOf = new java.util.HashMap<>();
    List<UUID> level = List.of(root.id);
    while (!level.isEmpty()) {
      List<OrgUnit> next = units.childrenOf(level);
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
}
