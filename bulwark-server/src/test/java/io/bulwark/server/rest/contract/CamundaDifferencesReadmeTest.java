package io.bulwark.server.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README lists exactly the differences that the harness tolerates (one list, issue 14). */
class CamundaDifferencesReadmeTest {

  static final String BEGIN =
      "<!-- camunda-differences:begin (generated from camunda-differences.json) -->";
  static final String END = "<!-- camunda-differences:end -->";

  @Test
  void readmeListEqualsTheDifferencesFile() throws IOException {
    String text = Files.readString(readme(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    int begin = text.indexOf(BEGIN + "\n");
    int end = text.indexOf(END);
    assertThat(begin).as("README.md has the line " + BEGIN).isNotNegative();
    assertThat(end).as("README.md has the line " + END).isGreaterThan(begin);
    assertThat(text.substring(begin + BEGIN.length() + 1, end))
        .as(
            "README.md's list between the camunda-differences markers is stale; replace it with"
                + " CamundaDifferences.load().readmeList()")
        .isEqualTo(CamundaDifferences.load().readmeList());
  }

  private static Path readme() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isRegularFile(d.resolve("README.md"))) {
        return d.resolve("README.md");
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }
}
