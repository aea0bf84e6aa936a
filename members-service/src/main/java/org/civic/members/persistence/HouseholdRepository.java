package org.civic.members.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.members.domain.Address;
import org.civic.members.domain.Household;
import org.civic.web.paging.PageRequest;
import org.civic.web.persistence.InListChunks;
import org.civic.web.security.Scope;
import org.hibernate.Session;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {
  @Inject AgroalDataSource dataSource;

  public Optional<Household> at(Address address) {
    return find(
            "buildingId = ?1 and unit = ?2 and room = ?3",
            address.buildingId(),
            address.unit(),
            address.room())
        .firstResultOptional();
  }

  /**
   * The household at one address, creating it if missing (a registration or relocation): one
   * statement, whatever the building holds. The batch variant's {@code buildingId in (...)} loaded
   * every household of the building into the session (then flushed and dirty-checked with the
   * member) and Hibernate translated its list parameter again on every call: 40 % of a
   * registration's CPU in a JFR profile; a second Hibernate query by address still cost 20 %.
   *
   * <p>Safe under concurrency like {@link #ensure(Collection, Map)}: if another transaction inserts
   * the address first, the insert waits for it and does nothing, and the statement's own snapshot
   * may not show that row yet; a second look-up (a new snapshot) finds it.
   *
   * <p>On the transaction's connection straight from the pool (Agroal hands a transaction the
   * connection it has enlisted, the one Hibernate uses), so a registration opens no Hibernate
   * session at all.
   *
   * @return the household as stored, not attached to the session: households never change after
   *     they are created, and the callers only read the address and id
   */
  public Household ensure(Address address, UUID communityId) {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement upsert = connection.prepareStatement(ENSURE_ONE)) {
        upsert.setObject(1, UUID.randomUUID());
        upsert.setObject(2, communityId);
        upsert.setObject(3, address.buildingId());
        upsert.setString(4, address.unit());
        upsert.setString(5, address.room());
        upsert.setObject(6, address.buildingId());
        upsert.setString(7, address.unit());
        upsert.setString(8, address.room());
        Household found = first(upsert, address);
        if (found != null) {
          return found;
        }
      }
      try (PreparedStatement select = connection.prepareStatement(AT_ADDRESS)) {
        select.setObject(1, address.buildingId());
        select.setString(2, address.unit());
        select.setString(3, address.room());
        Household found = first(select, address);
        if (found == null) {
          throw new IllegalStateException("household at " + address + " vanished");
        }
        return found;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not find or create the household at " + address, e);
    }
  }

  /** A household and the community of its building as the register knows it now. */
  public record InBuilding(Household household, UUID buildingCommunityId) {}

  /**
   * As {@link #ensure(Address, UUID)} for a write that names a building (a registration, a
   * relocation): the building's community is read in the same statement, one round trip instead of
   * two on the write's path. Empty if the building is not known, and then nothing was written. A
   * caller that refuses the write after this (the scope check needs the community) throws, and the
   * transaction's rollback takes the new household with it.
   */
  public Optional<InBuilding> ensureInKnownBuilding(Address address) {
    UUID community;
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement upsert = connection.prepareStatement(ENSURE_IN_KNOWN_BUILDING)) {
        upsert.setObject(1, address.buildingId());
        upsert.setObject(2, UUID.randomUUID());
        upsert.setObject(3, address.buildingId());
        upsert.setString(4, address.unit());
        upsert.setString(5, address.room());
        upsert.setObject(6, address.buildingId());
        upsert.setString(7, address.unit());
        upsert.setString(8, address.room());
        try (ResultSet rows = upsert.executeQuery()) {
          if (rows.next()) {
            UUID buildingCommunity = rows.getObject(4, UUID.class);
            return Optional.of(new InBuilding(household(rows, address), buildingCommunity));
          }
        }
      }
      // No row: an unknown building, or a concurrent transaction inserted the address first (see
      // ensure(Address, UUID)); statements of their own, each with a new snapshot, tell which.
      try (PreparedStatement select = connection.prepareStatement(COMMUNITY_OF_BUILDING)) {
        select.setObject(1, address.buildingId());
        try (ResultSet building = select.executeQuery()) {
          if (!building.next()) {
            return Optional.empty();
          }
          community = building.getObject(1, UUID.class);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not find or create the household at " + address, e);
    }
    return Optional.of(new InBuilding(ensure(address, community), community));
  }

  private static final String COMMUNITY_OF_BUILDING =
      "select community_id from known_building where id = ?";

  private static final String INSERT_IF_MISSING =
      "insert into household (id, community_id, building_id, unit, room)"
          + " values (?, ?, ?, ?, ?) on conflict (building_id, unit, room) do nothing";

  private static final String AT_ADDRESS =
      "select id, community_id, created_at from household"
          + " where building_id = ? and unit = ? and room = ?";

  private static final String ENSURE_ONE =
      "with inserted as ("
          + INSERT_IF_MISSING
          + " returning id, community_id, created_at) select * from inserted union all "
          + AT_ADDRESS;

  /**
   * {@link #ENSURE_ONE} with the building's community beside each row; both parts join the
   * building, so an unknown building yields no row and inserts nothing.
   */
  private static final String ENSURE_IN_KNOWN_BUILDING =
      "with building as ("
          + COMMUNITY_OF_BUILDING
          + "), inserted as (insert into household (id, community_id, building_id, unit, room)"
          + " select ?, community_id, ?, ?, ? from building"
          + " on conflict (building_id, unit, room) do nothing"
          + " returning id, community_id, created_at)"
          + " select i.id, i.community_id, i.created_at, b.community_id"
          + " from inserted i cross join building b"
          + " union all select h.id, h.community_id, h.created_at, b.community_id"
          + " from household h cross join building b"
          + " where h.building_id = ? and h.unit = ? and h.room = ?";

  private static Household first(PreparedStatement statement, Address address)
      throws java.sql.SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return rows.next() ? household(rows, address) : null;
    }
  }

  /** The row's id, community_id and created_at, in that order, at the given address. */
  private static Household household(ResultSet rows, Address address) throws SQLException {
    Household h = new Household();
    h.id = rows.getObject(1, UUID.class);
    h.communityId = rows.getObject(2, UUID.class);
    h.buildingId = address.buildingId();
    h.unit = address.unit();
    h.room = address.room();
    h.createdAt = rows.getObject(3, OffsetDateTime.class);
    return h;
  }

  /**
   * The households at the given addresses, creating the missing ones. Safe under concurrency: the
   * unique address constraint plus {@code on conflict do nothing} means two requests creating the
   * same household both end up with the one row. One JDBC batch, so an import of thousands of
   * addresses is one round trip.
   *
   * @param communityOfBuilding the community of every building named in the addresses
   */
  public Map<Address, Household> ensure(
      Collection<Address> addresses, Map<UUID, UUID> communityOfBuilding) {
    Set<Address> wanted = Set.copyOf(addresses);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_MISSING)) {
                for (Address a : wanted) {
                  insert.setObject(1, UUID.randomUUID());
                  insert.setObject(2, communityOfBuilding.get(a.buildingId()));
                  insert.setObject(3, a.buildingId());
                  insert.setString(4, a.unit());
                  insert.setString(5, a.room());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    Set<UUID> buildings = wanted.stream().map(Address::buildingId).collect(Collectors.toSet());
    Map<Address, Household> out = new HashMap<>();
    // In chunks of single-valued parameters: a collection parameter is translated again on every
    // call (ADR 0009), and an import may name thousands of buildings.
    for (Household h :
        InListChunks.list(
            "buildingId", "b", buildings, in -> list(in.condition(), in.parameters()))) {
      if (wanted.contains(h.address())) {
        out.put(h.address(), h);
      }
    }
    return out;
  }

  /** One page of the households within the caller's scope, by building, unit, room, id. */
  public List<Household> page(UUID communityId, UUID buildingId, Scope scope, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = where(communityId, buildingId, scope, params);
    TypedQuery<Household> q =
        getEntityManager()
            .createQuery(
                "select h from Household h"
                    + where
                    + " order by h.buildingId, h.unit, h.room, h.id",
                Household.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
  }

  /** How many households are within the caller's scope (and the filters). */
  public long count(UUID communityId, UUID buildingId, Scope scope) {
    Map<String, Object> params = new HashMap<>();
    String where = where(communityId, buildingId, scope, params);
    TypedQuery<Long> q =
        getEntityManager().createQuery("select count(h) from Household h" + where, Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** The household if the scope includes it. */
  public Optional<Household> findVisible(UUID id, Scope scope) {
    Scope.Clause clause = ScopeClauses.households(scope, "h");
    TypedQuery<Household> q =
        getEntityManager()
            .createQuery(
                "select h from Household h where h.id = :id and " + clause.condition(),
                Household.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return q.getResultStream().findFirst();
  }

  private static String where(
      UUID communityId, UUID buildingId, Scope scope, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    Scope.Clause visible = ScopeClauses.households(scope, "h");
    clauses.add(visible.condition());
    params.putAll(visible.parameters());
    if (communityId != null) {
      clauses.add("h.communityId = :community");
      params.put("community", communityId);
    }
    if (buildingId != null) {
      clauses.add("h.buildingId = :building");
      params.put("building", buildingId);
    }
    return " where " + String.join(" and ", clauses);
  }
}
