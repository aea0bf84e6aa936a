package org.civic.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListTests {

  @Test
  void oneValueIsAnEquality() {
    InList in = InList.of("h.householdId", "h", List.of("a", "a"));
    assertThat(in.condition()).isEqualTo("h.householdId = :h0");
    assertThat(in.parameters()).isEqualTo(Map.of("h0", "a"));
  }

  @Test
  void severalValuesArePaddedToThePowerOfTwoWithTheLastRepeated() {
    InList in = InList.of("x", "p", List.of("a", "b", "c"));
    assertThat(in.condition()).isEqualTo("x in (:p0, :p1, :p2, :p3)");
    assertThat(in.parameters()).isEqualTo(Map.of("p0", "a", "p1", "b", "p2", "c", "p3", "c"));
  }

  @Test
  void theNumberOfQueryTextsGrowsWithTheLogarithmOfTheSize() {
    var texts =
        IntStream.rangeClosed(1, 1000)
            .mapToObj(n -> InList.of("x", "p", IntStream.range(0, n).boxed().toList()))
            .peek(in -> assertThat(new HashSet<>(in.parameters().values())).hasSizeLessThan(1001))
            .map(InList::condition)
            .collect(Collectors.toSet());
    assertThat(texts).hasSize(11); // 1, 2, 4, ..., 1024
  }

  @Test
  void everyValueIsBound() {
    List<Integer> values = IntStream.range(0, 37).boxed().toList();
    assertThat(new HashSet<>(InList.of("x", "p", values).parameters().values()))
        .containsExactlyInAnyOrderElementsOf(values);
  }

  @Test
  void otherParametersAreKept() {
    InList in = InList.of("x", "p", List.of(1, 2));
    assertThat(in.parametersWith(Map.of("from", 7))).containsEntry("from", 7).containsKey("p1");
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(() -> InList.of("x", "p", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
