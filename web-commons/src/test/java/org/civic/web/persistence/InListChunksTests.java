package org.civic.web.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListChunksTests {

  @Test
  void noValuesRunNoQuery() {
    List<InList> seen = new ArrayList<>();
    List<Object> out =
        InListChunks.list(
            "x",
            "p",
            List.of(),
            in -> {
              seen.add(in);
              return List.of(in);
            });
    assertThat(out).isEmpty();
    assertThat(seen).isEmpty();
  }

  @Test
  void aFewValuesAreOneQuery() {
    List<InList> seen = InListChunks.list("x", "p", List.of(1, 2, 2, 3), List::of);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).condition()).isEqualTo("x in (:p0, :p1, :p2, :p3)");
  }

  @Test
  void manyValuesAreChunkedAndEachBoundOnce() {
    List<Integer> values = IntStream.range(0, 10_000).boxed().toList();
    List<InList> seen = InListChunks.list("x", "p", values, List::of);

    assertThat(seen).hasSize((10_000 + InListChunks.SIZE - 1) / InListChunks.SIZE);
    assertThat(seen).allSatisfy(in -> assertThat(in.parameters()).hasSizeLessThanOrEqualTo(256));
    var bound = new HashSet<>();
    seen.forEach(in -> bound.addAll(in.parameters().values()));
    assertThat(bound).containsExactlyInAnyOrderElementsOf(values);
    assertThat(seen.stream().map(InList::condition).distinct()).hasSizeLessThanOrEqualTo(2);
  }
}
