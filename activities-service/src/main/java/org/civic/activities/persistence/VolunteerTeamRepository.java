package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class VolunteerTeamRepository implements PanacheRepositoryBase<VolunteerTeam, UUID> {}
