package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.members.domain.KnownBuilding;

@ApplicationScoped
public class KnownBuildingRepository implements PanacheRepositoryBase<KnownBuilding, UUID> {}
