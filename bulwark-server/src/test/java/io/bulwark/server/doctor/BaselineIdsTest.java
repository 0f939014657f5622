package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The doctor registry lists exactly the IDs of {@code SECURITY-BASELINE.md}, in its order (O1). The
 * baseline lives beside the checkout ({@code ../shared}); where it is missing, the copy of its ID
 * list in the test resources stands in, and wherever it exists the copy must equal it.
 */
class BaselineIdsTest {

  private static final Pattern ID_LINE = Pattern.compile("^- \\*\\*([A-Z][0-9]+)\\*\\*");

  @Test
  void o1_registryListsEveryBaselineIdInOrder() throws IOException {
    List<String> registry = Baseline.ALL.stream().map(Requirement::id).toList();
    assertThat(registry).as("Baseline.ALL").containsExactlyElementsOf(expectedIds());
  }

  @Test
  void o1_copyOfTheIdListEqualsTheBaselineWhereItExists() throws IOException {
    Path baseline = baselineFile();
    if (!Files.isReadable(baseline)) {
      assertThat(copiedIds()).as("copy of the ID list").isNotEmpty();
      return;
    }
    assertThat(copiedIds())
        .as("src/test/resources/doctor/baseline-ids.txt must equal the IDs of " + baseline)
        .containsExactlyElementsOf(parse(Files.readAllLines(baseline, StandardCharsets.UTF_8)));
  }

  @Test
  void o1_everyIdHasASummaryAndIncompleteOnesNameWhatIsMissing() {
    for (Requirement r : Baseline.ALL) {
      assertThat(r.summary()).as(r.id()).isNotBlank().doesNotContain("|");
      assertThat(r.missing().isEmpty()).as(r.id()).isEqualTo(r.coverage() == Coverage.COMPLETE);
    }
  }

  private static List<String> expectedIds() throws IOException {
    Path baseline = baselineFile();
    return Files.isReadable(baseline)
        ? parse(Files.readAllLines(baseline, StandardCharsets.UTF_8))
        : copiedIds();
  }

  static List<String> parse(List<String> lines) {
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      Matcher m = ID_LINE.matcher(line);
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private static List<String> copiedIds() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            BaselineIdsTest.class.getResourceAsStream("/doctor/baseline-ids.txt"),
            "doctor/baseline-ids.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }

  /** {@code ../shared/SECURITY-BASELINE.md} from the checkout's root. */
  static Path baselineFile() {
    return CheckoutRoot.find().resolve("../shared/SECURITY-BASELINE.md").normalize();
  }
}
