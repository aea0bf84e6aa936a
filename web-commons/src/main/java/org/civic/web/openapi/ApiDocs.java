package org.civic.web.openapi;

/**
 * Texts shared by the OpenAPI annotations of the three services, so that the same header or file is
 * described the same way everywhere.
 */
public final class ApiDocs {
  private ApiDocs() {}

  public static final String ETAG = "ETag";
  public static final String ETAG_DESCRIPTION =
      "Weak entity tag. A versioned resource's starts with its version (W/\"3\", on a GET"
          + " followed by a digest of the body: W/\"3.<digest>\"): send it back as If-Match (or"
          + " the body's version) to change the resource. On a GET, send it as If-None-Match to"
          + " get 304 without a body while nothing changed";
  public static final String LOCATION = "Location";
  public static final String LOCATION_DESCRIPTION = "URL of the created resource";
  public static final String CONTENT_DISPOSITION = "Content-Disposition";
  public static final String CONTENT_DISPOSITION_DESCRIPTION =
      "attachment; filename=\"….xlsx\" (the suggested file name)";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
