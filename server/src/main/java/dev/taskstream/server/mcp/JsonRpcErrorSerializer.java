package dev.taskstream.server.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.spec.McpError;
import java.io.IOException;

/**
 * The SDK's servlet transport writes its own refusals (a wrong {@code Accept}, say) by serialising the
 * {@link McpError} itself, stack trace and all (java-sdk#955); this writes the JSON-RPC error it carries instead.
 */
final class JsonRpcErrorSerializer extends StdSerializer<McpError> {

    JsonRpcErrorSerializer() {
        super(McpError.class);
    }

    @Override
    public void serialize(McpError error, JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartObject();
        out.writeStringField("jsonrpc", "2.0");
        out.writeNullField("id");
        out.writeObjectField("error", error.getJsonRpcError());
        out.writeEndObject();
    }
}
