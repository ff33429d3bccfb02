package org.tacit.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.tacit.shared.Paging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: every operation takes a personal API token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	/** Lists take page and size as query parameters; the Paging record is how controllers receive them. */
	@Bean
	OperationCustomizer pagingParameters() {
		return (operation, handler) -> {
			boolean paged = Arrays.stream(handler.getMethodParameters())
				.anyMatch(parameter -> parameter.getParameterType() == Paging.class);
			if (paged) {
				if (operation.getParameters() != null) {
					operation.getParameters().removeIf(parameter -> "paging".equals(parameter.getName()));
				}
				operation.addParametersItem(new QueryParameter().name("page")
					.description("Page number, from 0 (at most " + Paging.MAX_PAGE + ")")
					.schema(new IntegerSchema()._default(0).minimum(java.math.BigDecimal.ZERO)));
				operation.addParametersItem(new QueryParameter().name("size")
					.description("Items per page, 1 to " + Paging.MAX_SIZE + " ('limit' is accepted as an alias)")
					.schema(new IntegerSchema()._default(Paging.DEFAULT_SIZE)
						.minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(Paging.MAX_SIZE))));
			}
			return operation;
		};
	}

	@Bean
	OpenAPI tacitOpenApi(ObjectProvider<BuildProperties> build) {
		String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
		return new OpenAPI()
			.info(new Info().title("Tacit API")
				.version(version)
				.description("REST API of Tacit. Authenticate with a personal API token as "
						+ "'Authorization: Bearer <token>'. Errors are application/problem+json (RFC 9457). "
						+ "Lists take page (from 0) and size (1 to 100)."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
