package org.civic.web.security;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** For services that keep no households: a MEMBER sees only their own records. */
@DefaultBean
@ApplicationScoped
public class NoHouseholds implements Households {
  @Override
  public UUID householdOf(UUID memberId) {
    return null;
  }
}
