package io.bulwark.cli;

import io.bulwark.server.tls.TlsJvmSettings;
import java.util.Arrays;
import java.util.List;

/** Entry point of the {@code bulwark} command. */
public final class BulwarkCli {

  static final String USAGE =
      """
      usage: bulwark <command> [options]
        serve    run the server (bulwark serve --help for its options)
        doctor   audit the hardening of this installation
        admin    create, reset, disable, enable and unlock users, list locked accounts
                 (server running or not); encrypt the embedded database, list, rotate
                 and destroy keys (server stopped)""";

  private BulwarkCli() {}

  public static void main(String[] args) {
    // First thing, before any TLS class loads: the JDK reads this property once.
    TlsJvmSettings.apply();
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs a command; the exit status, 0 while a started server keeps running. */
  static int run(String... args) {
    if (args.length == 0) {
      System.err.println(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "serve" -> ServeCommand.run(rest);
        case "doctor" -> DoctorCommand.run(rest.toArray(String[]::new), System.out, System.err);
        case "admin" -> AdminCommand.run(rest, System::getenv, System.out, System.err);
        case "help", "--help", "-h" -> {
          System.out.println(USAGE);
          yield 0;
        }
        default -> throw new UsageException("unknown command " + args[0]);
      };
    } catch (UsageException e) {
      System.err.println("bulwark: " + e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
  }
}
