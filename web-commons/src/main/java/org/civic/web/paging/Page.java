package org.civic.web.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the totals a client needs to page through it. */
public record Page<T>(
    @Schema(description = "The items of this page") List<T> items,
    @Schema(description = "Page number, from 0", example = "0") int page,
    @Schema(description = "Page size", example = "20") int size,
    @Schema(description = "Items in all pages", example = "289") long total,
    @Schema(description = "Number of pages", example = "15") int totalPages) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    int pages = (int) ((total + request.size - 1) / request.size);
    return new Page<>(items, request.page, request.size, total, pages);
  }

  /**
   * A page whose total is counted only when the page cannot tell it: a page that is not full ends
   * the list, so its total is its offset plus its items. An empty page past the end tells nothing,
   * so it is counted. A list that fits its first page is then one statement, not two.
   */
  public static <T> Page<T> of(List<T> items, PageRequest request, LongSupplier count) {
    boolean ends = items.size() < request.size && (!items.isEmpty() || request.offset() == 0);
    return of(items, request, ends ? request.offset() + items.size() : count.getAsLong());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
  }
}
