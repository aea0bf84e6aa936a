package org.civic.branches.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.civic.branches.domain.RosterEntry;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** The locked read of a member's roster entry, on the real database. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class RosterEntryRepositoryTests {
  @Inject RosterEntryRepository entries;
  @Inject DataSource dataSource;

  @Test
  void aMissingEntryIsCreatedEmpty() {
    UUID member = UUID.randomUUID();

    RosterEntry entry = QuarkusTransaction.requiringNew().call(() -> entries.lockOrCreate(member));

    assertThat(entry.memberId).isEqualTo(member);
    assertThat(entry.branchId).isNull();
    assertThat(entry.version).isZero();
    assertThat(QuarkusTransaction.requiringNew().call(() -> entries.findById(member))).isNotNull();
  }

  @Test
  void anEntryTheSessionAlreadyHoldsIsReadAgainUnderTheLock() {
    UUID member = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> entries.lockOrCreate(member));

    long version =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  RosterEntry loaded = entries.findById(member); // managed, not locked
                  assertThat(loaded.version).isZero();
                  // Another transaction commits a change meanwhile.
                  QuarkusTransaction.requiringNew().run(() -> bumpVersion(member, 7));
                  return entries.lockOrCreate(member).version;
                });

    assertThat(version).isEqualTo(7);
  }

  private void bumpVersion(UUID member, long version) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("update roster_entry set version = ? where member_id = ?")) {
      s.setLong(1, version);
      s.setObject(2, member);
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
