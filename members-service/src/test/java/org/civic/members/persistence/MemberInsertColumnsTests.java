package org.civic.members.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * A registration writes its rows with its own SQL (ADR 0013), not through the entities' mapping: a
 * column a migration adds to one of its tables must be named there too, or registrations would
 * leave it empty while every other write fills it.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberInsertColumnsTests {
  @Inject AgroalDataSource dataSource;

  @Test
  void theRegistrationsInsertNamesEveryColumnOfItsTables() throws Exception {
    Matcher insert =
        Pattern.compile("insert into (\\w+) \\(([^)]*)\\)").matcher(MemberRepository.INSERT_NEW);
    List<String> tables = new ArrayList<>();
    while (insert.find()) {
      String table = insert.group(1);
      tables.add(table);
      assertThat(columns(insert.group(2)))
          .as("the columns the registration writes into " + table)
          .isEqualTo(columnsOf(table));
    }
    assertThat(tables).containsExactly("member", "member_status_history", "member_specialty");
  }

  private static Set<String> columns(String list) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : list.split(",")) {
      names.add(name.trim());
    }
    return Set.copyOf(names);
  }

  private Set<String> columnsOf(String table) throws Exception {
    Set<String> names = new LinkedHashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = ?")) {
      select.setString(1, table);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    assertThat(names).as("columns of " + table).isNotEmpty();
    return Set.copyOf(names);
  }
}
