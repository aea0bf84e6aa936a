package org.civic.web.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Entities the session already holds, looked up without a query: a consumer batch that prefetched
 * its rows (ADR 0008) finds them here instead of asking the database again.
 */
public final class Managed {
  private Managed() {}

  /** The entity of this type and id if the session holds it, else null (never a query). */
  public static <T> T get(EntityManager em, Class<T> type, Object id) {
    SessionImplementor session = em.unwrap(SessionImplementor.class);
    EntityPersister persister =
        session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
    return type.cast(
        session
            .getPersistenceContextInternal()
            .getEntity(session.generateEntityKey(id, persister)));
  }
}
