package org.tacit.competencies.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** Competencies in the main navigation: everyone sees their own assessments there. */
@Configuration(proxyBeanMethods = false)
class CompetenciesNavigation {

	@Bean
	NavLink competenciesLink() {
		return NavLink.of(90, "competencies", "nav.competencies");
	}
}
