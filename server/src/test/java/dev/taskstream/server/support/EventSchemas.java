package dev.taskstream.server.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The published events' JSON Schemas, as api-contracts ships them ({@code event-schemas/<type>.v<revision>.json}),
 * with formats asserted: a payload must match its schema exactly as a strict consumer in another language would check it.
 */
public final class EventSchemas {

    private static final String FOLDER = "event-schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** The file names of every published schema. */
    public static Set<String> all() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "*.json");
            return Arrays.stream(found).map(Resource::getFilename).filter(Objects::nonNull).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String file(String type, String revision) {
        return type + ".v" + revision + ".json";
    }

    /** What is wrong with a payload of this type and revision; empty when it matches its schema. */
    public static List<String> problems(String type, String revision, String payload) {
        String file = file(type, revision);
        try (InputStream schema = EventSchemas.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (schema == null) {
                return List.of(file + ": no published schema, for payload " + payload);
            }
            JsonSchema validator = FACTORY.getSchema(JSON.readTree(schema), STRICT_FORMATS);
            Set<ValidationMessage> messages = validator.validate(JSON.readTree(payload));
            return messages.stream().map(message -> file + ": " + message.getMessage() + " in " + payload).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
