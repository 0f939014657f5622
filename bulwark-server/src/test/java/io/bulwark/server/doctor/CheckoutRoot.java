package io.bulwark.server.doctor;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the checkout (the folder with {@code mvnw}), found from the working directory. */
final class CheckoutRoot {

  private CheckoutRoot() {}

  static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isRegularFile(d.resolve("README.md"))) {
        return d;
      }
    }
    throw new IllegalStateException("no checkout root (a folder with mvnw) above " + dir);
  }
}
