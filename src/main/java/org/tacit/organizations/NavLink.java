package org.tacit.organizations;

/**
 * A link in the main navigation of an organization's pages. Each module declares its own as a bean,
 * so that a new capability appears in the navigation without editing the layout.
 *
 * @param order position from the left (the organization's home is 0; modules use 10, 20, ...)
 * @param path the address below the organization's root, without a leading slash ({@code spaces})
 * @param labelKey the message key of the link's text
 * @param minRole the least role that sees the link
 */
public record NavLink(int order, String path, String labelKey, Role minRole) {

	/** The link as seen by everyone in the organization. */
	public static NavLink of(int order, String path, String labelKey) {
		return new NavLink(order, path, labelKey, Role.VIEWER);
	}
}
