package org.tacit.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: every operation takes a personal API token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

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
