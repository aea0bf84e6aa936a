package org.civic.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response (application/problem+json). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (错误说明)")
public record Problem(
    @Schema(
            description = "Stable identifier of the kind of problem",
            example = "urn:problem-type:validation-error")
        String type,
    @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
    @Schema(description = "HTTP status code", example = "400") int status,
    @Schema(description = "What went wrong in this occurrence") String detail,
    @Schema(description = "The request path") String instance,
    @Schema(description = "The offending fields, for validation errors") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(description = "Field path, e.g. residence.buildingId", example = "name") String field,
      @Schema(description = "What is wrong with it", example = "must not be blank")
          String message) {}

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }
}
