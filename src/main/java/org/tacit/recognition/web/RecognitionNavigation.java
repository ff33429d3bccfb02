package org.tacit.recognition.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.organizations.NavLink;

/** Recognition in the main navigation: a member's own knowledge-sharing record. */
@Configuration(proxyBeanMethods = false)
class RecognitionNavigation {

	@Bean
	NavLink recognitionLink() {
		return NavLink.of(70, "recognition", "nav.recognition");
	}
}
