package org.tacit.lessons.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** Lessons learned in the main navigation. */
@Configuration(proxyBeanMethods = false)
class LessonsNavigation {

	@Bean
	NavLink lessonsLink() {
		return NavLink.of(30, "lessons", "nav.lessons");
	}
}
