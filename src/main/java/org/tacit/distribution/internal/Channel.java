package org.tacit.distribution.internal;

/**
 * How a person gets one kind of notification. Every channel but {@code OFF} puts it in the feed;
 * {@code EMAIL} also mails it at once, {@code DAILY} and {@code WEEKLY} gather it into a digest.
 */
public enum Channel {
	IN_APP, EMAIL, DAILY, WEEKLY, OFF
}
