package org.civic.web.openapi;

/**
 * Texts shared by the OpenAPI annotations of the three services, so that the same header or file is
 * described the same way everywhere.
 */
public final class ApiDocs {
  private ApiDocs() {}

  public static final String ETAG = "ETag";
  public static final String ETAG_DESCRIPTION =
      "The resource's version as a weak entity tag, e.g. W/\"3\": send it back as If-Match (or"
          + " the body's version) to change the resource";
  public static final String LOCATION = "Location";
  public static final String LOCATION_DESCRIPTION = "URL of the created resource";
  public static final String CONTENT_DISPOSITION = "Content-Disposition";
  public static final String CONTENT_DISPOSITION_DESCRIPTION =
      "attachment; filename=\"….xlsx\" (the suggested file name)";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
