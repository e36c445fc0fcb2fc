package dev.taskstream.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.taskstream.api.tasks.TaskCreated;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The payloads on the Kafka topic are a published contract: {@code src/main/resources/event-schemas} holds a JSON
 * Schema (2020-12) for every event, generated from its record, named {@code <payload type>.v<revision>.json} after
 * the record's {@code axon-message-type} and {@code axon-message-revision} headers. This test fails when the
 * committed schemas differ from what the records generate; after a deliberate change (which also needs a new
 * {@code @Revision}, see {@link EventShapesTest}) write them again with
 * {@code ./mvnw -o -B -pl api-contracts test -Dtest=EventSchemasTest -Devent-schemas.write=true} and commit them.
 * The server's {@code EventPayloadContractTest} checks real serialized payloads against the same files.
 */
class EventSchemasTest {

    private static final Path FOLDER = Path.of("src/main/resources/event-schemas");
    private static final String PACKAGE = "dev.taskstream.api";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedSchemasAreTheOnesTheEventRecordsGenerate() throws IOException {
        Map<String, String> generated = generate();
        if (Boolean.getBoolean("event-schemas.write")) {
            write(generated);
        }
        Map<String, String> committed = committed();
        List<String> problems = new ArrayList<>();
        generated.forEach((file, schema) -> {
            if (!schema.equals(committed.get(file))) {
                problems.add(FOLDER.resolve(file) + (committed.containsKey(file) ? " differs from" : " is missing;")
                        + " what the record generates. Write them again (see this test's javadoc).");
            }
        });
        committed.keySet().stream().filter(file -> !generated.containsKey(file))
                .forEach(file -> problems.add(FOLDER.resolve(file) + " belongs to no event; remove it."));
        assertThat(problems).isEmpty();
        assertThat(generated).containsKey(TaskCreated.class.getName() + ".v1.json");
    }

    @Test
    void aSchemaRequiresEveryFieldForbidsOthersAndWritesIdsAsUuidStrings() throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(generate().get(TaskCreated.class.getName() + ".v1.json"));

        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).hasSize(TaskCreated.class.getRecordComponents().length);
        assertThat(schema.at("/properties/taskId/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/taskId/format").asText()).isEqualTo("uuid");
        assertThat(schema.at("/properties/priority/anyOf/1/enum")).extracting(Object::toString)
                .containsExactlyInAnyOrder("\"NONE\"", "\"LOW\"", "\"MEDIUM\"", "\"HIGH\"");
        assertThat(schema.at("/properties/description/type").toString()).isEqualTo("[\"string\",\"null\"]");
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.STANDARD_FORMATS, Option.EXTRA_OPEN_API_FORMAT_VALUES);
        // Jackson writes every record component, null or not, so every property is present.
        config.forFields().withRequiredCheck(field -> true);
        // Ids, collections and primitives are never null (the records normalise collections); anything else may be.
        config.forFields().withNullableCheck(field -> {
            Class<?> type = field.getType().getErasedType();
            return !(type.isPrimitive() || Collection.class.isAssignableFrom(type) || jsonValue(type).isPresent());
        });
        // JSON Schema's "time" format demands an offset; a LocalTime is written without one, and without seconds.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> type.getErasedType() == LocalTime.class
                ? new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "string")
                        .put("pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$"))
                : null);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> jsonValue(type.getErasedType())
                .map(method -> {
                    // A value written through @JsonValue is written as that value; a typed id holds one UUID.
                    Class<?> raw = type.getErasedType();
                    boolean uuid = raw.isRecord() && raw.getRecordComponents().length == 1
                            && raw.getRecordComponents()[0].getType() == UUID.class;
                    ObjectNode definition = context.getGeneratorConfig().createObjectNode().put("type", "string");
                    if (uuid) {
                        definition.put("format", "uuid");
                    }
                    return new CustomDefinition(definition);
                })
                .orElse(null));
        return new SchemaGenerator(config.build());
    }

    /** The method Jackson writes a type of ours through, if it has one (enums are handled by the Jackson module). */
    private static Optional<Method> jsonValue(Class<?> type) {
        if (!type.getName().startsWith(PACKAGE) || type.isEnum()) {
            return Optional.empty();
        }
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(JsonValue.class) && method.getReturnType() == String.class)
                .findFirst();
    }

    private static Map<String, String> generate() throws IOException {
        SchemaGenerator generator = generator();
        Map<String, String> schemas = new TreeMap<>();
        List<Class<?>> events = ContractClasses.all().stream()
                .filter(type -> type.isRecord() && type.isAnnotationPresent(Revision.class))
                .toList();
        for (Class<?> event : events) {
            String revision = event.getAnnotation(Revision.class).value();
            ObjectNode schema = generator.generateSchema(event);
            ObjectNode framed = JSON.createObjectNode();
            framed.set("$schema", schema.remove("$schema"));
            framed.put("$id", "urn:taskstream:event:" + event.getName() + ":" + revision);
            framed.put("title", event.getSimpleName() + ", revision " + revision);
            framed.put("description", "The value of a Kafka record whose header axon-message-type is "
                    + event.getName() + " and axon-message-revision is " + revision + ".");
            framed.setAll(schema);
            schemas.put(event.getName() + ".v" + revision + ".json", JSON.writeValueAsString(framed) + "\n");
        }
        return schemas;
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> schemas = new TreeMap<>();
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    schemas.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return schemas;
    }

    private static void write(Map<String, String> schemas) throws IOException {
        Files.createDirectories(FOLDER);
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, String> schema : schemas.entrySet()) {
            Files.writeString(FOLDER.resolve(schema.getKey()), schema.getValue(), StandardCharsets.UTF_8);
        }
    }
}
