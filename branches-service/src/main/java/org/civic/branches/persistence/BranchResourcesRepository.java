package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.branches.domain.BranchResources;

@ApplicationScoped
public class BranchResourcesRepository implements PanacheRepositoryBase<BranchResources, UUID> {}
