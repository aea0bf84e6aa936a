package org.civic.members.service.sheet;

/** The file expands beyond what is read (a zip bomb): refused unread, 413. */
public class SheetTooLargeException extends UnreadableSheetException {
  public SheetTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
