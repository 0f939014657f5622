package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's baseline status table is the one doctor generates (O1): the README tells the truth.
 */
class ReadmeBaselineTableTest {

  @Test
  void o1_readmeTableEqualsDoctorsList() throws IOException {
    Path readme = CheckoutRoot.find().resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int begin = text.indexOf(BaselineTable.BEGIN + "\n");
    int end = text.indexOf(BaselineTable.END);
    assertThat(begin).as("README.md has the line " + BaselineTable.BEGIN).isNotNegative();
    assertThat(end).as("README.md has the line " + BaselineTable.END).isGreaterThan(begin);
    String table = text.substring(begin + BaselineTable.BEGIN.length() + 1, end);
    assertThat(table)
        .as(
            "README.md's table between the baseline-status markers is stale; replace it with the"
                + " output of ./bulwark doctor --markdown")
        .isEqualTo(BaselineTable.markdown());
  }

  @Test
  void o1_readmeMakesNoClaimThatEveryMeasureIsBuilt() throws IOException {
    String text =
        Files.readString(CheckoutRoot.find().resolve("README.md"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("is, in Bulwark, the default").contains("It is not there yet.");
  }
}
