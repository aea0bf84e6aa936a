package org.civic.members.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.civic.members.domain.RuleViolation;
import org.civic.members.service.sheet.UnreadableSheetException;
import org.civic.web.problem.Problem;
import org.civic.web.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain rule violations are 422 problems naming the fields; unreadable sheets are 400. */
public class RuleViolationMapper {

  @ServerExceptionMapper
  public Response ruleViolation(RuleViolation e, UriInfo uri) {
    ProblemType type = ProblemType.BUSINESS_RULE_VIOLATION;
    return respond(
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            e.getMessage(),
            uri.getPath(),
            e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message()))
                .toList()));
  }

  @ServerExceptionMapper
  public Response unreadableSheet(UnreadableSheetException e, UriInfo uri) {
    ProblemType type = ProblemType.MALFORMED_REQUEST;
    return respond(
        new Problem(type.uri(), type.title(), type.status(), e.getMessage(), uri.getPath(), null));
  }

  private static Response respond(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }
}
