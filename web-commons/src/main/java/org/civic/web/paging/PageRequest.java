package org.civic.web.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Page parameters of every list endpoint: {@code ?page=0&size=20}. Use with {@code @BeanParam}. */
public class PageRequest {
  public static final int MAX_SIZE = 200;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "must be 0 or more")
  @Parameter(description = "Page number, from 0", example = "0")
  public int page;

  @QueryParam("size")
  @DefaultValue("20")
  @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
  @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
  @Parameter(description = "Page size, 1 to 200", example = "20")
  public int size;

  public PageRequest() {}

  public PageRequest(int page, int size) {
    this.page = page;
    this.size = size;
  }

  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size);
  }

  public int offset() {
    return page * size;
  }
}
