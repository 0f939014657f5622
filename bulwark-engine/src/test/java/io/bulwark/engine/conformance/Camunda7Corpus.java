package io.bulwark.engine.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Camunda 7 BPMN test models, read in place from {@code ../shared/conformance/camunda7/bpmn}
 * relative to the repository root (never copied into the repository). The repository root is the
 * nearest directory, from the working directory up, that holds {@code mvnw}.
 */
final class Camunda7Corpus {

  /** Where the corpus lives, relative to the repository root. */
  static final String RELATIVE_PATH = "../shared/conformance/camunda7/bpmn";

  /**
   * What makes a model need Java code or a script (the corpus README's definition of not
   * code-free).
   */
  private static final List<String> CODE_MARKERS =
      List.of(
          "scriptTask",
          "camunda:script",
          "scriptFormat",
          "camunda:class=",
          "camunda:delegateExpression=",
          "camunda:expression=");

  private final Path directory;

  private Camunda7Corpus(Path directory) {
    this.directory = directory;
  }

  /** The corpus beside the repository that contains the working directory, or null if absent. */
  static Camunda7Corpus locate() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      return null;
    }
    Path corpus = dir.resolve(RELATIVE_PATH).normalize();
    return Files.isDirectory(corpus) ? new Camunda7Corpus(corpus) : null;
  }

  Path directory() {
    return directory;
  }

  /** Every model file ({@code .bpmn} and {@code .bpmn20.xml}), sorted by path. */
  List<Model> models() {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".bpmn20.xml"))
          .sorted()
          .map(this::model)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Model model(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      boolean codeFree = CODE_MARKERS.stream().noneMatch(text::contains);
      Path relative = directory.relativize(file);
      Path parent = relative.getParent();
      String folder = parent == null ? "." : parent.toString().replace('\\', '/');
      return new Model(relative.toString().replace('\\', '/'), folder, bytes, codeFree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One model file: its path below the corpus, its folder, content, and whether code-free. */
  record Model(String path, String folder, byte[] bytes, boolean codeFree) {

    String fileName() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? path : path.substring(slash + 1);
    }
  }
}
