package io.bulwark.server.rest.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.bulwark.server.rest.contract.CamundaDifferences.Difference;
import io.bulwark.server.rest.contract.CamundaDifferences.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks answers of the running server against Camunda 7.24's own OpenAPI document ({@code
 * openapi.json} of {@code org.camunda.bpm:camunda-engine-rest-openapi}), with the deliberate
 * differences of {@link CamundaDifferences} applied to the document first: an answer passes when
 * Camunda's document, so amended, allows its status, content type and JSON body for the operation
 * (method and path) that was called. Members Camunda's schemas do not name are errors unless a
 * difference lists them; an operation that Camunda's document lacks is an error unless a difference
 * lists it as an addition.
 *
 * <p>Use from any server IT: {@code CamundaOpenApi.get().assertConforms("GET",
 * "/engine-rest/user?maxResults=5", answer)}. The document (2 MB) is parsed once per JVM.
 */
public final class CamundaOpenApi {

  /** Where the integration API is mounted; Camunda's paths start below it. */
  public static final String BASE = "/engine-rest";

  static final String PROBLEM_SCHEMA = "BulwarkProblemDto";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static CamundaOpenApi instance;

  private final OpenAPI api;
  private final OpenApiInteractionValidator validator;
  private final List<PathTemplate> camundaOperations = new ArrayList<>();
  private final List<PathTemplate> additions = new ArrayList<>();

  private CamundaOpenApi(OpenAPI api, CamundaDifferences differences) {
    this.api = api;
    amend(differences);
    mergeAllOf(api);
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(
                        method -> camundaOperations.add(PathTemplate.of(method.name(), path))));
    for (Difference addition : differences.ofKind(Kind.OPERATIONS)) {
      addition.operations().forEach(operation -> additions.add(PathTemplate.parse(operation)));
    }
    this.validator = OpenApiInteractionValidator.createFor(api).withBasePathOverride("/").build();
  }

  /** The harness, built on first use from the document and the differences file. */
  public static synchronized CamundaOpenApi get() {
    if (instance == null) {
      instance = new CamundaOpenApi(camundaDocument(), CamundaDifferences.load());
    }
    return instance;
  }

  /** Fails with every problem found unless the answer conforms (see the class comment). */
  public void assertConforms(String method, String requestPath, HttpResponse<String> answer) {
    List<String> problems =
        check(
            method,
            requestPath,
            answer.statusCode(),
            answer.headers().firstValue("Content-Type").orElse(null),
            answer.body());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          method
              + " "
              + requestPath
              + " answered "
              + answer.statusCode()
              + " "
              + answer.body()
              + "\nwhich Camunda's OpenAPI document (with camunda-differences.json) does not allow:\n- "
              + String.join("\n- ", problems));
    }
  }

  /**
   * The problems of one answer; empty when it conforms.
   *
   * @param requestPath the path as requested, with {@link #BASE} and any query string
   * @param contentType the answer's {@code Content-Type}, or {@code null} without a body
   */
  public List<String> check(
      String method, String requestPath, int status, String contentType, String body) {
    String path = camundaPath(requestPath);
    String verb = method.toUpperCase(Locale.ROOT);
    if (additions.stream().anyMatch(addition -> addition.matches(verb, path))) {
      return List.of();
    }
    if (camundaOperations.stream().noneMatch(operation -> operation.matches(verb, path))) {
      return List.of(
          verb
              + " "
              + path
              + " is not in Camunda's document and not listed as an addition in "
              + CamundaDifferences.FILE);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(path, Request.Method.valueOf(verb), response.build());
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .map(message -> message.getKey() + ": " + message.getMessage())
        .toList();
  }

  /** The path below {@link #BASE} without the query string, as Camunda's document names it. */
  static String camundaPath(String requestPath) {
    String path = requestPath.split("\\?", 2)[0];
    if (!path.startsWith(BASE + "/")) {
      throw new IllegalArgumentException(requestPath + " is not below " + BASE);
    }
    return path.substring(BASE.length());
  }

  /**
   * Whether an operation of Bulwark's own document ({@code "GET", "/engine-rest/user/{id}"}) is
   * Camunda's or a listed addition; path variables may be named differently from Camunda's.
   */
  public boolean knows(String method, String bulwarkPath) {
    String verb = method.toUpperCase(Locale.ROOT);
    String path = camundaPath(bulwarkPath.replaceAll("\\{[^}/]+}", "v"));
    return additions.stream().anyMatch(addition -> addition.matches(verb, path))
        || camundaOperations.stream().anyMatch(operation -> operation.matches(verb, path));
  }

  /**
   * The query parameters Camunda's document gives an operation of Bulwark's own ({@code "GET",
   * "/engine-rest/process-definition/{id}/xml"}; path variables may be named differently), by name
   * with their schemas; empty when Camunda's document lacks the operation.
   */
  public Map<String, Schema<?>> queryParameters(String method, String bulwarkPath) {
    String wanted = camundaPath(bulwarkPath).replaceAll("\\{[^}/]+}", "{}");
    Map<String, Schema<?>> parameters = new TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              Operation operation =
                  item.readOperationsMap()
                      .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
              if (operation == null
                  || !path.replaceAll("\\{[^}/]+}", "{}").equals(wanted)
                  || operation.getParameters() == null) {
                return;
              }
              operation.getParameters().stream()
                  .filter(parameter -> "query".equals(parameter.getIn()))
                  .forEach(parameter -> parameters.put(parameter.getName(), parameter.getSchema()));
            });
    return parameters;
  }

  /** Whether Camunda's document has this operation ({@code "GET /user/{id}/profile"}). */
  public boolean camundaHas(String operation) {
    PathTemplate wanted = PathTemplate.parse(operation);
    return Optional.ofNullable(api.getPaths().get(wanted.path()))
        .map(
            item ->
                item.readOperationsMap().containsKey(PathItem.HttpMethod.valueOf(wanted.method())))
        .orElse(false);
  }

  private void amend(CamundaDifferences differences) {
    api.setServers(List.of(new Server().url("/")));
    api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
    List<String> extraStatuses = new ArrayList<>();
    differences
        .ofKind(Kind.STATUSES)
        .forEach(d -> d.statuses().forEach(status -> extraStatuses.add(String.valueOf(status))));
    boolean problems = !differences.ofKind(Kind.PROBLEM_DETAILS).isEmpty();
    for (PathItem item : api.getPaths().values()) {
      for (Operation operation : item.readOperations()) {
        amendResponses(operation, extraStatuses, problems);
      }
    }
    for (Difference difference : differences.ofKind(Kind.PROPERTIES)) {
      Schema<?> schema = api.getComponents().getSchemas().get(difference.schema());
      if (schema == null) {
        throw new IllegalStateException(
            "difference " + difference.id() + " names schema " + difference.schema() + ", unknown");
      }
      difference.properties().forEach((name, type) -> schema.addProperty(name, typed(type)));
    }
  }

  /** Adds the extra statuses, and a problem body beside Camunda's for every error answer. */
  private static void amendResponses(
      Operation operation, List<String> extraStatuses, boolean problems) {
    ApiResponses responses = operation.getResponses();
    for (String status : extraStatuses) {
      if (!responses.containsKey(status)) {
        responses.addApiResponse(status, new ApiResponse().description("Bulwark difference"));
      }
    }
    if (!problems) {
      return;
    }
    for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
      if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
        ApiResponse answer = entry.getValue();
        Content content = answer.getContent() == null ? new Content() : answer.getContent();
        content.addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
        answer.setContent(content);
      }
    }
  }

  /**
   * RFC 9457's members as the server writes them, with Camunda's {@code message} and {@code code}.
   */
  private static Schema<?> problemSchema() {
    ObjectSchema schema = new ObjectSchema();
    schema.addProperty("type", new StringSchema());
    schema.addProperty("title", new StringSchema());
    schema.addProperty("status", new IntegerSchema());
    schema.addProperty("detail", new StringSchema());
    schema.addProperty("instance", new StringSchema());
    schema.addProperty("correlationId", new StringSchema());
    schema.addProperty("message", new StringSchema().nullable(true));
    schema.addProperty("code", new NumberSchema().nullable(true));
    schema.setRequired(List.of("type", "title", "status", "detail"));
    return schema;
  }

  private static Schema<?> typed(String type) {
    return switch (type) {
      case "string" -> new StringSchema().nullable(true);
      case "boolean" -> new BooleanSchema().nullable(true);
      case "integer" -> new IntegerSchema().nullable(true);
      case "number" -> new NumberSchema().nullable(true);
      case "object" -> new ObjectSchema().nullable(true);
      // Any JSON value, as Camunda's own AnyValue schema (a typed variable's value).
      case "any" -> new Schema<>().nullable(true);
      default -> throw new IllegalStateException("unknown property type " + type);
    };
  }

  private static OpenAPI camundaDocument() {
    try (InputStream in = CamundaOpenApi.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "openapi.json of org.camunda.bpm:camunda-engine-rest-openapi is not on the classpath");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
      if (result.getOpenAPI() == null) {
        throw new IllegalStateException("Camunda's openapi.json: " + result.getMessages());
      }
      return result.getOpenAPI();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Merges every component schema's {@code allOf} into the schema itself. The validator checks
   * members strictly (a member no schema names is an error), and it checks each part of an {@code
   * allOf} alone, so a combined schema such as Camunda's {@code ProcessInstanceWithVariablesDto}
   * would refuse every answer: each part lacks the other's members. Runs after the differences are
   * applied, so that members they add to a part reach the merged schema too.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void mergeAllOf(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    schemas.values().forEach(schema -> mergeAllOf(schema, schemas));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void mergeAllOf(Schema schema, Map<String, Schema> schemas) {
    List<Schema> parts = schema.getAllOf();
    if (parts == null) {
      return;
    }
    schema.setAllOf(null);
    for (Schema part : parts) {
      String ref = part.get$ref();
      Schema resolved = ref == null ? part : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
      mergeAllOf(resolved, schemas);
      if (resolved.getProperties() != null) {
        resolved
            .getProperties()
            .forEach(
                (name, property) -> {
                  if (schema.getProperties() == null || !schema.getProperties().containsKey(name)) {
                    schema.addProperty((String) name, (Schema) property);
                  }
                });
      }
      if (resolved.getRequired() != null) {
        ((List<String>) resolved.getRequired()).forEach(schema::addRequiredItem);
      }
    }
    if (schema.getType() == null) {
      schema.setType("object");
    }
  }

  /** A method with a path template of Camunda's document; {@code {x}} matches one segment. */
  record PathTemplate(String method, String path) {

    static PathTemplate of(String method, String path) {
      return new PathTemplate(method.toUpperCase(Locale.ROOT), path);
    }

    static PathTemplate parse(String operation) {
      String[] parts = operation.strip().split(" +", 2);
      if (parts.length != 2 || !parts[1].startsWith("/")) {
        throw new IllegalStateException("an operation is \"METHOD /path\", not " + operation);
      }
      return of(parts[0], parts[1]);
    }

    boolean matches(String verb, String requested) {
      if (!method.equals(verb)) {
        return false;
      }
      String[] want = path.split("/", -1);
      String[] have = requested.split("/", -1);
      if (want.length != have.length) {
        return false;
      }
      for (int i = 0; i < want.length; i++) {
        boolean variable = want[i].startsWith("{") && want[i].endsWith("}");
        if (variable ? have[i].isEmpty() : !want[i].equals(have[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
