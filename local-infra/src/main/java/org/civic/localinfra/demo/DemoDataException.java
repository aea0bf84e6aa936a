package org.civic.localinfra.demo;

/** Loading the demo data failed: the message says at which step and what a service answered. */
public class DemoDataException extends RuntimeException {
  public DemoDataException(String message) {
    super(message);
  }

  public DemoDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
