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
import java.util.Optional;
import java.util.UUID;
import org.civic.members.domain.KnownBuilding;
import org.civic.web.security.Scope;

@ApplicationScoped
public class KnownBuildingRepository implements PanacheRepositoryBase<KnownBuilding, UUID> {
  @Inject AgroalDataSource dataSource;

  /**
   * The community of a known building, or empty for an unknown one: what a write naming a building
   * needs (its scope check and the household's community). One primary-key read on the
   * transaction's connection (Agroal hands a transaction the connection it has enlisted, the one
   * Hibernate uses), no entity: loading the entity was ~10 % of a registration's CPU, mostly
   * Hibernate's load machinery and opening the session (session 11 in bench/README.md).
   */
  public Optional<UUID> communityOf(UUID buildingId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select community_id from known_building where id = ?")) {
      select.setObject(1, buildingId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read known building " + buildingId, e);
    }
  }

  /** Whether the building is within the caller's scope (see {@link ScopeClauses#buildings}). */
  public boolean visible(UUID id, Scope scope) {
    Scope.Clause clause = ScopeClauses.buildings(scope, "b");
    TypedQuery<Long> q =
        getEntityManager()
            .createQuery(
                "select count(b) from KnownBuilding b where b.id = :id and " + clause.condition(),
                Long.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return q.getSingleResult() > 0;
  }
}
