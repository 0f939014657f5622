package io.bulwark.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The source of axe-core's {@code axe.min.js}, read once from the {@code org.webjars.npm:axe-core}
 * WebJar on the test class path (its version from the WebJar's own {@code pom.properties}).
 */
final class AxeCore {

  static final String SOURCE = load();

  private AxeCore() {}

  private static String load() {
    ClassLoader loader = AxeCore.class.getClassLoader();
    try (InputStream pom =
        loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      if (pom == null) {
        throw new IllegalStateException("org.webjars.npm:axe-core is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(pom);
      String path =
          "META-INF/resources/webjars/axe-core/"
              + properties.getProperty("version")
              + "/axe.min.js";
      try (InputStream script = loader.getResourceAsStream(path)) {
        if (script == null) {
          throw new IllegalStateException("no " + path + " in the axe-core WebJar");
        }
        return new String(script.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read axe-core", e);
    }
  }
}
