package org.tacit.program.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** The KM program in the main navigation: every member sees the organization's program. */
@Configuration(proxyBeanMethods = false)
class ProgramNavigation {

	@Bean
	NavLink programLink() {
		return NavLink.of(100, "program", "nav.program");
	}
}
