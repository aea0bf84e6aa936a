package org.civic.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTests {

  @Test
  void eachNameBecomesAPlaceholderWithItsValueInOrderAndARepeatedNameBindsAgain() {
    NamedSql sql =
        NamedSql.of(
            "select 1 from t where a = :a and (b = :b_1 or c = :a) limit :n",
            Map.of("a", "x", "b_1", 2, "n", 20));
    assertThat(sql.sql()).isEqualTo("select 1 from t where a = ? and (b = ? or c = ?) limit ?");
    assertThat(sql.values()).containsExactly("x", 2, "x", 20);
  }

  @Test
  void quotedTextAndCastsAreNotParameters() {
    NamedSql sql =
        NamedSql.of(
            "select ':no', \"col:umn\", x::text from t where n like :q escape '!' and s = 'it''s :x'",
            Map.of("q", "%a%"));
    assertThat(sql.sql())
        .isEqualTo(
            "select ':no', \"col:umn\", x::text from t where n like ? escape '!' and s = 'it''s :x'");
    assertThat(sql.values()).containsExactly("%a%");
  }

  @Test
  void aNullValueIsBound() {
    Map<String, Object> params = new HashMap<>();
    params.put("a", null);
    assertThat(NamedSql.of("a = :a", params).values()).containsExactly((Object) null);
  }

  @Test
  void aNameWithoutAValueOrAValueWithoutANameIsRefused() {
    assertThatThrownBy(() -> NamedSql.of("a = :a and b = :b", Map.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":b");
    assertThatThrownBy(() -> NamedSql.of("a = :a", Map.of("a", 1, "stale", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stale");
    assertThatThrownBy(() -> NamedSql.of("a = 'open", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
  }

  @Test
  void enumsAreBoundByNameFromTheGivenPosition() throws Exception {
    List<Object[]> calls = new ArrayList<>();
    PreparedStatement statement =
        (PreparedStatement)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("setObject") || args.length != 2) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  calls.add(args);
                  return null;
                });
    NamedSql sql = NamedSql.of("d = :d and n = :n", Map.of("d", DayOfWeek.MONDAY, "n", 7L));
    assertThat(sql.bind(statement, 3)).isEqualTo(5);
    assertThat(calls).hasSize(2);
    assertThat(Arrays.asList(calls.get(0))).containsExactly(3, "MONDAY");
    assertThat(Arrays.asList(calls.get(1))).containsExactly(4, 7L);
  }
}
