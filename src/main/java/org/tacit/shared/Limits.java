package org.tacit.shared;

/** Documented size limits that more than one module checks (see docs/api.md). */
public final class Limits {

	/** The largest request body the API accepts, in bytes. */
	public static final long MAX_REQUEST_BYTES = 1024 * 1024;
	public static final int NAME_LENGTH = 200;
	public static final int EMAIL_LENGTH = 254;
	public static final int PASSWORD_MIN = 8;
	public static final int PASSWORD_MAX = 128;

	private Limits() {
	}
}
