package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.members.domain.SensitiveProfile;

@ApplicationScoped
public class SensitiveProfileRepository implements PanacheRepositoryBase<SensitiveProfile, UUID> {}
