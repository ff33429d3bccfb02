package org.tacit.training.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** Training in the main navigation: a member's own training, with the catalog one click away. */
@Configuration(proxyBeanMethods = false)
class TrainingNavigation {

	@Bean
	NavLink trainingLink() {
		return NavLink.of(95, "training", "nav.training");
	}
}
