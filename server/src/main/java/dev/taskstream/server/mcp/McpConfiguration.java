package dev.taskstream.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The MCP endpoint for AI assistants, at {@value #ENDPOINT}: stateless Streamable HTTP, authenticated like the API
 * (a bearer token). Its tools, listed in {@code mcp/tools.json}, are calls of the REST API made on the caller's
 * behalf ({@link RestToolCalls}), so an assistant can do what the user can through the API, and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";
    /** Well under Tomcat's 200 request threads, so the API calls that tool calls wait on always find one. */
    private static final int CALLS_AT_ONCE = 32;
    private static final int CALLS_AT_ONCE_PER_USER = 4;
    private static final String INSTRUCTIONS = """
            Taskstream holds the user's tasks: titles, descriptions, priorities, tags, due dates in an IANA time \
            zone, reminders and recurring series. Find tasks with list_tasks (q searches words), read one with \
            get_task, and change them with the other tools; list_series and the series tools handle recurring \
            tasks. Writes answer with the task or series as stored. Pass a task's version to update_task, \
            complete_task, reopen_task or delete_task to refuse a change made meanwhile by someone else. Ask the \
            user for their time zone before setting a due date.""";

    private final ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(McpError.class, new JsonRpcErrorSerializer()));

    /** After Spring Security, which answers for a missing token, and after the body is read (BodyReader). */
    @Bean
    FilterRegistrationBean<McpMessageGuard> mcpMessageGuard() {
        FilterRegistrationBean<McpMessageGuard> registration = new FilterRegistrationBean<>(new McpMessageGuard(json));
        registration.addUrlPatterns(ENDPOINT);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpTransport(
            @Value("${taskstream.http.max-body-size}") DataSize maxBodySize) {
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(ENDPOINT)
                .maxRequestSize((int) maxBodySize.toBytes())
                .contextExtractor(RestToolCalls::callerOf)
                .build();
        return new ServletRegistrationBean<>(transport, ENDPOINT);
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(ServletRegistrationBean<HttpServletStatelessServerTransport> transport,
                                     Environment environment, @Value("${taskstream.mcp.api-url}") String apiUrl)
            throws IOException {
        RestToolCalls calls = new RestToolCalls(() -> api(environment, apiUrl), json,
                new McpCallLimits(CALLS_AT_ONCE, CALLS_AT_ONCE_PER_USER));
        List<SyncToolSpecification> tools = tools().stream()
                .map(tool -> new SyncToolSpecification(tool.tool(),
                        (caller, request) -> calls.call(tool, caller, request.arguments())))
                .toList();
        return McpServer.sync(transport.getServlet())
                .serverInfo("taskstream", version())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .jsonSchemaValidator(new McpToolInputs(json))
                .tools(tools)
                .build();
    }

    private List<RestTool> tools() throws IOException {
        try (InputStream listed = new ClassPathResource("mcp/tools.json").getInputStream()) {
            return json.readValue(listed, new TypeReference<>() { });
        }
    }

    /** The API the tools call: {@code taskstream.mcp.api-url} when roles run apart, else this very server. */
    private static URI api(Environment environment, String apiUrl) {
        if (StringUtils.hasText(apiUrl)) {
            return URI.create(apiUrl);
        }
        String address = environment.getProperty("server.address", "127.0.0.1");
        return URI.create("http://" + address + ":" + environment.getProperty("local.server.port"));
    }

    private static String version() {
        String version = McpConfiguration.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
