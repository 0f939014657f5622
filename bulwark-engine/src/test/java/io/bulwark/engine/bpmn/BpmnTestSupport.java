package io.bulwark.engine.bpmn;

import io.bulwark.engine.bpmn.reader.BpmnParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads test models and runs the real parser. */
final class BpmnTestSupport {

  private static final BpmnParser PARSER = new BpmnParser();

  private BpmnTestSupport() {}

  static ParsedDeployment parseResource(String path) {
    return parseResource(path, ParseOptions.defaults());
  }

  static ParsedDeployment parseResource(String path, ParseOptions options) {
    try (InputStream in = BpmnTestSupport.class.getResourceAsStream("/bpmn/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return PARSER.parse(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedDeployment parseText(String xml, ParseOptions options) {
    return PARSER.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options);
  }
}
