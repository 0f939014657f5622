package io.bulwark.cli;

import io.bulwark.server.BulwarkServerApplication;
import java.util.Arrays;

/** Entry point of the {@code bulwark} command. */
public final class BulwarkCli {

  private BulwarkCli() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: bulwark serve|doctor [options]");
      System.exit(2);
    }
    switch (args[0]) {
      case "serve" -> BulwarkServerApplication.start(Arrays.copyOfRange(args, 1, args.length));
      case "doctor" ->
          System.exit(
              DoctorCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      default -> {
        System.err.println("unknown command: " + args[0]);
        System.exit(2);
      }
    }
  }
}
