package io.bulwark.server.rest;

import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Reads Camunda's multipart deployment form as Camunda Modeler sends it: the fields {@code
 * deployment-name}, {@code deployment-source}, {@code enable-duplicate-filtering}, {@code
 * deploy-changed-only}, {@code tenant-id}, and any number of file parts named by their file name.
 * Uploads are limited (W6, W12): at most {@value #MAX_FILES} files with allowlisted extensions,
 * names of at most 255 characters; a PNG must start with the PNG signature.
 */
final class DeploymentUpload {

  static final int MAX_FILES = 50;
  static final List<String> EXTENSIONS =
      List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".json", ".txt", ".png");

  private static final Set<String> FIELDS =
      Set.of(
          "deployment-name",
          "deployment-source",
          "enable-duplicate-filtering",
          "deploy-changed-only",
          "deployment-activation-time",
          "tenant-id");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int MAX_NAME = 255;

  private DeploymentUpload() {}

  static DeploymentRequest read(MultipartHttpServletRequest request) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
      if (FIELDS.contains(part.getKey())) {
        continue;
      }
      for (MultipartFile file : part.getValue()) {
        String name =
            file.getOriginalFilename() == null ? part.getKey() : file.getOriginalFilename();
        checkName(name);
        if (resources.size() >= MAX_FILES) {
          throw ValidationException.of(
              "files", "max-count", "a deployment may hold at most " + MAX_FILES + " files (W6)");
        }
        if (resources.containsKey(name)) {
          throw ValidationException.of(
              "files", "unique-names", "two files of the deployment have the same name");
        }
        resources.put(name, checked(name, bytes(file)));
      }
    }
    if (resources.isEmpty()) {
      throw ValidationException.of(
          "files", "required", "a deployment needs at least one file part");
    }
    String name = field(request, "deployment-name");
    if (name == null || name.isEmpty()) {
      name = resources.keySet().iterator().next();
    }
    if (name.length() > MAX_NAME) {
      throw ValidationException.of(
          "deployment-name", "max-length", "deployment-name is longer than 255 characters");
    }
    String tenantId = field(request, "tenant-id");
    return new DeploymentRequest(
        name, resources, tenantId == null || tenantId.isEmpty() ? null : tenantId);
  }

  private static @Nullable String field(MultipartHttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      MultipartFile asFile = request.getFile(name);
      if (asFile != null) {
        value = new String(bytes(asFile), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return value == null ? null : value.strip();
  }

  private static void checkName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.contains("/")
        || name.contains("\\")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || EXTENSIONS.stream().noneMatch(lower::endsWith)) {
      throw ValidationException.of(
          "files",
          "allowed-names",
          "file names must be at most 255 characters without path or control characters and end in"
              + " one of "
              + EXTENSIONS
              + " (W12)");
    }
  }

  private static byte[] checked(String name, byte[] bytes) {
    if (name.toLowerCase(Locale.ROOT).endsWith(".png")
        && (bytes.length < PNG.length
            || !java.util.Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length))) {
      throw ValidationException.of(
          "files", "content-matches-type", "a .png file does not hold a PNG image (W12)");
    }
    return bytes;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
