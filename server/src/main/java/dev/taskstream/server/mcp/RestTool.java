package dev.taskstream.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One MCP tool, and the REST call it stands for ({@code "PATCH /api/tasks/{id}"}), as {@code mcp/tools.json} lists
 * them. Arguments named in the path fill it, {@code version} becomes {@code If-Match}, and the others are the query
 * of a GET or the JSON body of a write. A write with {@code readBack} answers once that path, filled with the id the
 * write answered, shows the write, and the {@code alsoReadable} paths filled from its answer (a new task's series)
 * can be read.
 */
record RestTool(String name, String title, String description, String call, String readBack,
                List<String> alsoReadable, boolean readOnly, boolean destructive, Map<String, Object> inputSchema) {

    RestTool {
        alsoReadable = alsoReadable == null ? List.of() : List.copyOf(alsoReadable);
    }

    static final String VERSION = "version";
    private static final Pattern PATH_ARGUMENT = Pattern.compile("\\{(\\w+)}");

    String method() {
        return call.substring(0, call.indexOf(' '));
    }

    String path() {
        return call.substring(call.indexOf(' ') + 1);
    }

    Set<String> pathArguments() {
        return argumentsOf(path());
    }

    static Set<String> argumentsOf(String path) {
        Matcher names = PATH_ARGUMENT.matcher(path);
        return names.results().map(name -> name.group(1)).collect(Collectors.toSet());
    }

    boolean isWrite() {
        return !method().equals("GET");
    }

    /** A write whose schema has more than its path and version sends them as the body. */
    boolean takesBody() {
        Object properties = inputSchema.get("properties");
        Set<String> inPath = pathArguments();
        return isWrite() && properties instanceof Map<?, ?> names && names.keySet().stream()
                .anyMatch(name -> !inPath.contains(name) && !VERSION.equals(name));
    }

    McpSchema.Tool tool() {
        return McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema)
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(title)
                        .readOnlyHint(readOnly)
                        .destructiveHint(destructive)
                        .idempotentHint(readOnly)
                        .openWorldHint(false)
                        .build())
                .build();
    }
}
