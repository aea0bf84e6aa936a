package org.civic.web.locking;

import jakarta.ws.rs.core.EntityTag;
import org.civic.web.caching.ConditionalGet;
import org.civic.web.caching.EntityTags;
import org.civic.web.problem.ProblemException;
import org.civic.web.problem.ProblemType;

/**
 * Optimistic locking over HTTP. A GET returns the resource's version as a weak ETag (followed by a
 * digest of the body, {@code W/"3.<digest>"}: see {@link ConditionalGet}); an update must name the
 * version it was based on, either as {@code If-Match} (mismatch: 412) or as the body's {@code
 * version} field (mismatch: 409). An update naming neither is refused (428), so a client can never
 * silently overwrite a change it has not seen.
 */
public final class Versions {
  private Versions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version), true);
  }

  /**
   * @param current the stored version
   * @param ifMatch the If-Match header, or null
   * @param bodyVersion the version field of the request body, or null
   */
  public static void require(long current, String ifMatch, Long bodyVersion) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      if (!ifMatch.trim().equals("*") && parse(ifMatch) != current) {
        throw new ProblemException(
            ProblemType.PRECONDITION_FAILED,
            "If-Match names version " + ifMatch.trim() + " but the current version is " + current);
      }
      return;
    }
    if (bodyVersion == null) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Send the version you based this change on (If-Match header or the version field)");
    }
    if (bodyVersion != current) {
      throw new ProblemException(
          ProblemType.VERSION_CONFLICT,
          "You changed version "
              + bodyVersion
              + " but the current version is "
              + current
              + "; reload and apply your change again");
    }
  }

  /** The version in an If-Match tag: {@code "3"}, {@code W/"3"} or {@code W/"3.<digest>"}. */
  private static long parse(String ifMatch) {
    String tag = EntityTags.opaque(ifMatch);
    int digest = tag.indexOf('.');
    if (digest >= 0) {
      tag = tag.substring(0, digest);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "not a version ETag: " + ifMatch);
    }
  }
}
