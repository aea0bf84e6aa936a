package org.civic.members.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.civic.members.service.sheet.SheetTooLargeException;
import org.civic.members.service.sheet.UnreadableSheetException;
import org.civic.web.problem.Problem;
import org.civic.web.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A file that is not a readable CSV or spreadsheet is a 400 malformed-request problem; one that
 * expands far beyond its size (a zip bomb) a 413.
 */
public class SheetErrorMapper {

  @ServerExceptionMapper
  public Response unreadableSheet(UnreadableSheetException e, UriInfo uri) {
    ProblemType type =
        e instanceof SheetTooLargeException
            ? ProblemType.PAYLOAD_TOO_LARGE
            : ProblemType.MALFORMED_REQUEST;
    Problem problem =
        new Problem(type.uri(), type.title(), type.status(), e.getMessage(), uri.getPath(), null);
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
