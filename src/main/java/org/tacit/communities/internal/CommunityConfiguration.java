package org.tacit.communities.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the communities' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommunitySettings.class)
class CommunityConfiguration {
}
