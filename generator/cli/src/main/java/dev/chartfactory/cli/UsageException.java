package dev.chartfactory.cli;

/**
 * The command line itself is wrong (unknown option, missing argument, a value no command
 * takes): not a problem in any spec file. Exits with the invalid-input code and the usage line.
 */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
