package io.basira.server.platform.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.basira.shared.Store;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /api/openapi.json: one bearer API key per store; the store is never a parameter. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Store.class);
    }

    /**
     * Schemas named as the JSON names them ({@code minimum_total}): springdoc reads types with swagger's own
     * Jackson 2 mapper, which does not see the application's snake_case naming; this one does.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * Schemas of the write and import endpoints, whose bodies are read on purpose as the CSV files' columns
     * (docs/import.md: JSON and CSV accept exactly the same values), not as records: named here by route, so
     * their controllers stay as they are.
     */
    @Bean
    OpenApiCustomizer recordsAndImportsSchemas() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(
                    "IngestRecord",
                    new ObjectSchema()
                            .additionalProperties(new StringSchema())
                            .description(
                                    "One record of the kind in the path (customers, orders, order_lines, products, carts,"
                                            + " reviews, wishlist_items): its fields are the columns of that kind's CSV file"
                                            + " (docs/import.md), each a string (numbers are read as their text); an order may carry"
                                            + " its lines as items [{product_id, quantity, unit_price}], a cart its lines as items"
                                            + " [{product_id, quantity, name, unit_price, url}] (docs/campaigns.md, \"Cart items\")")
                            .example(Map.of("customer_id", "C1", "first_name", "Sara", "created_at", "2024-01-01")));
            components.addSchemas(
                    "IngestAnswer",
                    new ObjectSchema()
                            .description("The records applied, all or none")
                            .addProperty("applied", new IntegerSchema())
                            .addProperty(
                                    "customers_refreshed",
                                    new ArraySchema()
                                            .items(new StringSchema())
                                            .description("the customers whose cards were refreshed")));
            components.addSchemas(
                    "ImportFileAnswer",
                    new ObjectSchema()
                            .addProperty("file", new StringSchema())
                            .addProperty("rows_read", new IntegerSchema())
                            .addProperty("imported", new IntegerSchema())
                            .addProperty("rejected", new IntegerSchema()));
            components.addSchemas(
                    "ImportAnswer",
                    new ObjectSchema()
                            .description("An upload's outcome: applied all or nothing, per file, with the errors found")
                            .addProperty("applied", new BooleanSchema())
                            .addProperty("files", new ArraySchema().items(reference("ImportFileAnswer")))
                            .addProperty("errors", new ArraySchema().items(new StringSchema()))
                            .addProperty("error_count", new IntegerSchema())
                            .addProperty("cards_refreshed", new IntegerSchema())
                            .addProperty("took_ms", new IntegerSchema()));
            if (openApi.getPaths() == null) {
                return;
            }
            name(openApi, "/api/v1/{kind}", "IngestRecord", "IngestAnswer");
            name(openApi, "/api/v1/{kind}/bulk", null, "IngestAnswer");
            name(openApi, "/api/v1/imports", null, "ImportAnswer");
            PathItem bulk = openApi.getPaths().get("/api/v1/{kind}/bulk");
            if (bulk != null && bulk.getPost() != null && bulk.getPost().getRequestBody() == null) {
                bulk.getPost()
                        .setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                                .required(true)
                                .content(new io.swagger.v3.oas.models.media.Content()
                                        .addMediaType(
                                                "application/x-ndjson",
                                                new MediaType()
                                                        .schema(new StringSchema()
                                                                .description("one IngestRecord as JSON per line")))));
            }
        };
    }

    /** Names the JSON body ({@code body}, unless null) and the 200 answer of {@code POST path}. */
    private static void name(OpenAPI openApi, String path, String body, String answer) {
        PathItem item = openApi.getPaths().get(path);
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation post = item.getPost();
        if (body != null
                && post.getRequestBody() != null
                && post.getRequestBody().getContent() != null) {
            post.getRequestBody().getContent().forEach((type, media) -> media.setSchema(reference(body)));
        }
        ApiResponse ok =
                post.getResponses() == null ? null : post.getResponses().get("200");
        if (ok != null) {
            ok.setContent(new io.swagger.v3.oas.models.media.Content()
                    .addMediaType("application/json", new MediaType().schema(reference(answer))));
        }
    }

    private static Schema<?> reference(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    @Bean
    OpenAPI basiraOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Basira API")
                                .version("v1")
                                .description(
                                        "Customer intelligence for online stores. Every call acts on the store of its API key."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("a store's API key: Authorization: Bearer bsk_…")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
