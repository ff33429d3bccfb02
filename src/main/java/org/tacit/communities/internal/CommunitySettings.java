package org.tacit.communities.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of communities (environment variables TACIT_COMMUNITIES_...).
 *
 * @param dormantAfter how long a launched or active community may go without a thread or post before
 *        its leaders are asked whether it is dormant (TACIT_COMMUNITIES_DORMANT_AFTER, e.g. 60d)
 */
@ConfigurationProperties("tacit.communities")
public record CommunitySettings(@DefaultValue("90d") Duration dormantAfter) {
}
