package org.civic.web.paging;

import java.util.List;
import java.util.function.Function;
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

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
  }
}
