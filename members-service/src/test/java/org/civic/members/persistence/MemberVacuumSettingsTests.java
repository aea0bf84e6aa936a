package org.civic.members.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * The member list's index-only scans need pages marked all-visible, which only VACUUM sets: the
 * migrations give {@code member} a fixed autovacuum threshold instead of PostgreSQL's 20 % of the
 * table (V5; a list page cost PostgreSQL three times as much with the marks cleared).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberVacuumSettingsTests {
  @Inject AgroalDataSource dataSource;

  @Test
  void theMemberTableIsVacuumedAfterAThousandChangesWhateverItsSize() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select reloptions from pg_class where relname = 'member'");
        ResultSet result = select.executeQuery()) {
      assertThat(result.next()).isTrue();
      Array options = result.getArray(1);
      assertThat(options).as("member's storage options").isNotNull();
      assertThat(List.of((String[]) options.getArray()))
          .containsExactlyInAnyOrder(
              "autovacuum_vacuum_scale_factor=0",
              "autovacuum_vacuum_threshold=1000",
              "autovacuum_vacuum_insert_scale_factor=0",
              "autovacuum_vacuum_insert_threshold=1000");
    }
  }
}
