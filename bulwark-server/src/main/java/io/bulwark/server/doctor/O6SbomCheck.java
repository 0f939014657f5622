package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.SpringVersion;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * O6: the CycloneDX SBOM that the build writes into the distribution ({@value #LOCATION}, by the
 * cyclonedx-maven-plugin). PASS when it is there, is CycloneDX, and names the Spring Framework
 * version this server runs (so it describes this build, not an older one); FAIL otherwise, except
 * that a missing SBOM outside the production profile is a WARN: the plugin skips offline (-o)
 * development builds, while a distribution is built online.
 */
@Component
final class O6SbomCheck implements LocalCheck {

  /** Where the build puts the SBOM, on the class path of the server. */
  static final String LOCATION = "META-INF/sbom/application.cdx.json";

  private static final String FIX =
      "build the distribution with ./mvnw package, which writes the SBOM into bulwark.jar";

  private final ClassLoader classes;
  private final @Nullable String runningSpring;
  private final BulwarkProfile profile;

  @Autowired
  O6SbomCheck(ServerSettings settings) {
    this(O6SbomCheck.class.getClassLoader(), SpringVersion.getVersion(), settings.profile());
  }

  O6SbomCheck(ClassLoader classes, @Nullable String runningSpring, BulwarkProfile profile) {
    this.classes = classes;
    this.runningSpring = runningSpring;
    this.profile = profile;
  }

  @Override
  public String id() {
    return "O6";
  }

  @Override
  public Finding run() {
    JsonNode sbom;
    try (InputStream in = classes.getResourceAsStream(LOCATION)) {
      if (in == null) {
        String missing = "no SBOM in this build (" + LOCATION + ")";
        return profile == BulwarkProfile.PRODUCTION
            ? Finding.fail("O6", missing, FIX)
            : Finding.warn("O6", missing + "; offline (-o) builds skip it", FIX);
      }
      sbom = JsonMapper.builder().build().readTree(in);
    } catch (IOException | JacksonException e) {
      return Finding.fail("O6", "the SBOM " + LOCATION + " cannot be read as JSON", FIX);
    }
    if (!"CycloneDX".equals(sbom.path("bomFormat").asString(""))) {
      return Finding.fail("O6", "the SBOM " + LOCATION + " is not CycloneDX", FIX);
    }
    String listed = springCoreVersion(sbom);
    if (!Objects.equals(listed, runningSpring)) {
      return Finding.fail(
          "O6",
          "the SBOM lists spring-core "
              + (listed == null ? "not at all" : listed)
              + " but the server runs "
              + runningSpring
              + ": it describes another build",
          FIX);
    }
    return Finding.pass(
        "O6",
        "CycloneDX "
            + sbom.path("specVersion").asString("?")
            + " SBOM with "
            + sbom.path("components").size()
            + " components, spring-core "
            + listed
            + " as running");
  }

  private static @Nullable String springCoreVersion(JsonNode sbom) {
    for (JsonNode component : sbom.path("components")) {
      if ("org.springframework".equals(component.path("group").asString(""))
          && "spring-core".equals(component.path("name").asString(""))) {
        return component.path("version").asString(null);
      }
    }
    return null;
  }
}
