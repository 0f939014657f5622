package io.bulwark.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments that explain the pages' security design stay in the templates (W5, issue 17): each is a
 * Thymeleaf parser-level comment ({@code <!--/* ... *}{@code /-->}), which the template engine
 * drops, never an HTML comment, which it would send.
 */
class TemplateCommentsTest {

  private static final Pattern HTML_COMMENT = Pattern.compile("<!--(?!/\\*)");

  @Test
  void w5_templatesHoldNoHtmlCommentsThatWouldBeServed() throws Exception {
    URL layout = getClass().getClassLoader().getResource("templates/app/layout.html");
    assertThat(layout).isNotNull();
    Path templates = Path.of(layout.toURI()).getParent().getParent();
    List<Path> pages;
    try (Stream<Path> files = Files.walk(templates)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(5);
    for (Path page : pages) {
      Matcher comment = HTML_COMMENT.matcher(Files.readString(page));
      assertThat(comment.find()).as(page + " holds an HTML comment").isFalse();
    }
  }
}
