package dev.taskstream.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks real answers against the served OpenAPI document: the status must be one the operation lists (a refusal
 * may fall under {@code default}), and the body must match that response's schema. Stricter than the document by
 * itself: an object may carry no property the document does not name (so a field added to a view without the
 * document knowing fails), while a property the document does not mark required may be absent or null. A 401 may
 * come without a body: Spring Security answers a missing or bad token before any controller runs.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document;
    private final ObjectNode closedComponents;

    public OpenApiDocument(JsonNode document) {
        this.document = document;
        this.closedComponents = document.get("components").deepCopy();
        closedComponents.get("schemas").forEach(OpenApiDocument::close);
    }

    /** Every way {@code response} departs from the document's {@code method path}; empty when it conforms. */
    public List<String> violations(String method, String path, ApiClient.Response response) {
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " -> " + response.status();
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(where + ": the document has no such operation");
        }
        JsonNode responses = operation.get("responses");
        JsonNode documented = responses.get(String.valueOf(response.status()));
        if (documented == null && response.status() >= 400) {
            documented = responses.get("default");
        }
        if (documented == null) {
            return List.of(where + ": status not in the document " + fieldNames(responses));
        }
        JsonNode content = documented.path("content");
        boolean noBody = response.body().isNull() || response.body().isMissingNode();
        if (content.isMissingNode() || content.isEmpty()) {
            return noBody ? List.of() : List.of(where + ": the document promises no body, got " + response.body());
        }
        if (noBody && response.status() == 401) {
            return List.of();
        }
        JsonNode media = content.elements().next();
        ObjectNode root = ((ObjectNode) media.get("schema").deepCopy());
        root.set("components", closedComponents);
        JsonSchema schema = SCHEMAS.getSchema(root, STRICT_FORMATS);
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(response.body())) {
            violations.add(where + ": " + message.getMessage());
        }
        return violations;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object) || !object.has("properties")) {
            return;
        }
        if (!object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        Set<String> required = new HashSet<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        ObjectNode properties = (ObjectNode) object.get("properties");
        for (String name : fieldNames(properties)) {
            if (!required.contains(name)) {
                ArrayNode either = JSON.createArrayNode().add(properties.get(name)).add(JSON.createObjectNode().put("type", "null"));
                properties.set(name, JSON.createObjectNode().set("anyOf", either));
            }
        }
    }
}
