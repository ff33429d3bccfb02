package org.tacit.shared.web;

/**
 * An API endpoint whose raw request body may be larger than the general limit (a BPMN diagram sent as
 * XML). A module declares it as a bean; the request size limit then allows that many bytes for requests
 * whose path matches {@code pathPattern} (Ant style: {@code *} is one path segment), and the endpoint
 * checks its own, documented limit.
 */
public record LargerRequestBody(String pathPattern, long maxBytes) {
}
