package org.tacit.retention.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;
import org.tacit.organizations.Role;

/** The module's places in the main navigation: experts for everyone, the risk register for knowledge managers. */
@Configuration(proxyBeanMethods = false)
class RetentionNavigation {

	@Bean
	NavLink expertsLink() {
		return NavLink.of(60, "experts", "nav.experts");
	}

	@Bean
	NavLink riskRegisterLink() {
		return new NavLink(65, "risks", "nav.risks", Role.KNOWLEDGE_MANAGER);
	}
}
