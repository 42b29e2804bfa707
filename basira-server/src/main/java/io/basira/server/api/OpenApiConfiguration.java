package io.basira.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.basira.shared.Store;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /api/openapi.json: one bearer API key per store; the store is never a parameter. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Store.class);
    }

    /** Schemas of typed records named as the API's JSON names them ({@code spring.jackson.property-naming-strategy}). */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI basiraOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Basira API").version("v1")
                        .description("Customer intelligence for online stores. Every call acts on the store of its API key."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("a store's API key: Authorization: Bearer bsk_…")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
