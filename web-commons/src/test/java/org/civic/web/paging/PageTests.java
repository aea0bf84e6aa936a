package org.civic.web.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class PageTests {
  private final AtomicInteger counts = new AtomicInteger();

  private LongSupplier counting(long total) {
    return () -> {
      counts.incrementAndGet();
      return total;
    };
  }

  @Test
  void aPageThatIsNotFullEndsTheListWithoutACount() {
    Page<String> page = Page.of(List.of("a", "b", "c"), PageRequest.of(2, 5), counting(99));

    assertThat(counts).hasValue(0);
    assertThat(page.total()).isEqualTo(13);
    assertThat(page.totalPages()).isEqualTo(3);
  }

  @Test
  void anEmptyFirstPageIsAnEmptyList() {
    Page<String> page = Page.of(List.of(), PageRequest.of(0, 20), counting(99));

    assertThat(counts).hasValue(0);
    assertThat(page.total()).isZero();
    assertThat(page.totalPages()).isZero();
  }

  @Test
  void aFullPageIsCounted() {
    Page<String> page = Page.of(List.of("a", "b"), PageRequest.of(0, 2), counting(7));

    assertThat(counts).hasValue(1);
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.totalPages()).isEqualTo(4);
  }

  @Test
  void anEmptyPagePastTheEndIsCounted() {
    Page<String> page = Page.of(List.of(), PageRequest.of(9, 20), counting(41));

    assertThat(counts).hasValue(1);
    assertThat(page.total()).isEqualTo(41);
    assertThat(page.totalPages()).isEqualTo(3);
  }
}
