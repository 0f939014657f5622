package io.bulwark.server.rest;

import io.bulwark.engine.api.ResourceData;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Stored files as downloads that cannot run in the application's origin (W12): always an attachment
 * with an RFC 6266 file name, a content type the server chooses from the extension (never the
 * uploader's), and {@code Content-Security-Policy: sandbox}.
 */
final class Downloads {

  private Downloads() {}

  static ResponseEntity<byte[]> attachment(ResourceData resource) {
    return ResponseEntity.ok()
        .contentType(typeOf(resource.name()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(resource.name(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("Content-Security-Policy", "sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .body(resource.bytes());
  }

  static MediaType typeOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".dmn") || lower.endsWith(".xml")) {
      return MediaType.APPLICATION_XML;
    } else if (lower.endsWith(".png")) {
      return MediaType.IMAGE_PNG;
    }
    return MediaType.APPLICATION_OCTET_STREAM;
  }
}
