package dev.taskstream.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.taskstream.api.tasks.TaskCreated;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every stored event must load forever, so an event's shape (its fields, the fields of the values it holds,
 * the constants of its enums) may only change together with a new {@code @Revision} and an upcaster from the old
 * one. {@code event-shapes.txt} keeps the shape of every revision of every event; this test compares the code with
 * it. After a deliberate change with a new revision, record the new line with
 * {@code ./mvnw -pl api-contracts test -Dtest=EventShapesTest -Devent-shapes.record=true} and commit the file.
 */
class EventShapesTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/event-shapes.txt");
    private static final String PACKAGE = "dev.taskstream.api";

    @Test
    void noEventChangesShapeWithoutANewRevision() throws IOException {
        Map<String, String> recorded = read();
        Map<String, String> current = currentShapes();
        if (Boolean.getBoolean("event-shapes.record")) {
            recorded.putAll(current);
            write(recorded);
        }
        List<String> problems = new ArrayList<>();
        current.forEach((event, shape) -> {
            String before = recorded.get(event);
            if (before == null) {
                problems.add(event + " is not in " + SNAPSHOT + "; record it (see this test's javadoc).");
            } else if (!before.equals(shape)) {
                problems.add(event + " changed shape without a new @Revision: was " + before + ", is " + shape
                        + ". Raise the revision and add an upcaster from the old one.");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(current).as("every event of api-contracts is checked").containsKey(TaskCreated.class.getName() + "@1");
    }

    @Test
    void aShapeNamesFieldsValuesAndEnumConstants() {
        assertThat(shape(TaskCreated.class)).contains("taskId: String", "due: DueDate{date: LocalDate, ",
                "priority: enum[HIGH, LOW, MEDIUM, NONE]", "tags: Set<String>");
    }

    private static Map<String, String> currentShapes() throws IOException {
        Map<String, String> shapes = new TreeMap<>();
        for (Class<?> type : ContractClasses.all()) {
            Revision revision = type.getAnnotation(Revision.class);
            if (revision != null && type.isRecord()) {
                shapes.put(type.getName() + "@" + revision.value(), shape(type));
            }
        }
        return shapes;
    }

    /** How Jackson writes a type: a value with {@code @JsonValue} as that value, records as their fields. */
    private static String shape(Type type) {
        if (type instanceof ParameterizedType generic) {
            return shape(generic.getRawType()) + Arrays.stream(generic.getActualTypeArguments())
                    .map(EventShapesTest::shape).collect(Collectors.joining(", ", "<", ">"));
        }
        Class<?> raw = (Class<?>) type;
        if (!raw.getName().startsWith(PACKAGE)) {
            return raw.getSimpleName();
        }
        if (raw.isEnum()) {
            // By name, as Jackson writes them; sorted, because their order in the code does not matter.
            return Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).sorted()
                    .collect(Collectors.joining(", ", "enum[", "]"));
        }
        for (Method method : raw.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                return shape(method.getGenericReturnType());
            }
        }
        if (raw.isRecord()) {
            return raw.getSimpleName() + Arrays.stream(raw.getRecordComponents())
                    .map(component -> component.getName() + ": " + shape(component.getGenericType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return raw.getSimpleName();
    }

    private static Map<String, String> read() throws IOException {
        Map<String, String> shapes = new TreeMap<>();
        if (Files.exists(SNAPSHOT)) {
            for (String line : Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" = ", 2);
                    shapes.put(parts[0], parts[1]);
                }
            }
        }
        return shapes;
    }

    private static void write(Map<String, String> shapes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The shape of every revision of every event. Checked by EventShapesTest; never edit a line by hand.");
        shapes.forEach((event, shape) -> lines.add(event + " = " + shape));
        Files.write(SNAPSHOT, lines, StandardCharsets.UTF_8);
    }
}
