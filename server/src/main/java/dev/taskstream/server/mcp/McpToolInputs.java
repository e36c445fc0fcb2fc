package dev.taskstream.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a tool's arguments against its input schema before anything is called, so that an assistant learns at
 * once which argument is of the wrong kind or unknown ({@code $.priority: does not have a value in the
 * enumeration …}); the API then checks the values as it does for every client.
 */
final class McpToolInputs implements JsonSchemaValidator {

    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<Map<String, Object>, JsonSchema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ObjectMapper json;

    McpToolInputs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object arguments) {
        JsonNode given = json.valueToTree(arguments);
        Set<ValidationMessage> wrong = compiled.computeIfAbsent(schema, s -> schemas.getSchema(json.valueToTree(s)))
                .validate(given);
        return wrong.isEmpty()
                ? ValidationResponse.asValid(given.toString())
                : ValidationResponse.asInvalid(wrong.stream().map(ValidationMessage::getMessage).sorted()
                        .collect(Collectors.joining("; ")));
    }
}
