package org.civic.activities.rest;

import jakarta.ws.rs.core.Response;
import org.civic.activities.domain.RuleViolation;
import org.civic.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain rule violations are 422 problem+json naming the field, like ProblemException's. */
public class RuleViolationMapper {
  @ServerExceptionMapper
  public Response ruleViolation(RuleViolation e) {
    ProblemException problem = ProblemException.ruleViolation(e.field(), e.getMessage());
    return Response.status(problem.type().status())
        .type("application/problem+json")
        .entity(problem.toProblem())
        .build();
  }
}
