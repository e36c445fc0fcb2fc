package dev.taskstream.server.web;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs} (Swagger UI at {@code /api-docs}). The web UI's types are
 * generated from it, and {@code OpenApiContractTest} checks real answers against it, so it must say what the
 * server really does: typed ids are bare UUIDs on the wire, the caller ({@link UserId}) is never a parameter, and
 * every refusal is an RFC 9457 problem with a stable {@code code}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig()
                .replaceWithClass(TaskId.class, UUID.class)
                .replaceWithClass(TagId.class, UUID.class)
                .replaceWithClass(SeriesId.class, UUID.class)
                .replaceWithClass(UserId.class, UUID.class)
                .addRequestWrapperToIgnore(UserId.class);
    }

    /** Relative server URL: the document is the same whichever host and port serve it (the UI commits a copy). */
    @Bean
    OpenAPI taskstreamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Taskstream").version("1")
                        .description("A self-hostable, event-sourced task manager. Send the token from sign-up or login "
                                + "as 'Authorization: Bearer …'; the web UI uses the session cookie instead."))
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OpenApiCustomizer taskstreamApi() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components
                    .addSchemas(PROBLEM, problemSchema())
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT")));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setOperationId(operationId(method.name(), path));
                operation.getResponses().addApiResponse("default", new ApiResponse()
                        .description("Refused: an RFC 9457 problem (401 without a body when the token is missing or bad)")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                if (path.startsWith("/api/") && !path.startsWith("/api/auth/") || path.equals("/api/auth/session")) {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
            }));
        };
    }

    /**
     * {@code POST /api/tasks/{id}/complete} is {@code postTasksIdComplete}: springdoc numbers clashing method names
     * ({@code list_2}) in an order that may change, which would churn the UI's committed copy of the document.
     */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/", "").split("[/{}\\-]+")) {
            if (!segment.isEmpty()) {
                id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return id.toString();
    }

    private static Schema<?> problemSchema() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
        return new ObjectSchema()
                .description("RFC 9457 problem details; clients switch on code, never on detail.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema()._enum(codes))
                .addProperty("field", new StringSchema().description("The field or parameter at fault, if one is."))
                .required(List.of("type", "title", "status", "code"));
    }
}
