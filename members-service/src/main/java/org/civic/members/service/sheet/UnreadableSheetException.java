package org.civic.members.service.sheet;

/** The file is not a readable sheet of the expected layout (400). */
public class UnreadableSheetException extends RuntimeException {
  public UnreadableSheetException(String message) {
    super(message);
  }

  public UnreadableSheetException(String message, Throwable cause) {
    super(message, cause);
  }
}
