package org.tacit.shared;

/**
 * Which page of a list to return. Pages count from 0. {@code size} is limited to {@link #MAX_SIZE}
 * so that no request can ask the database for an unbounded list.
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 100;
	/** Deep pages are refused: past this offset a filter serves people better than paging. */
	public static final int MAX_PAGE = 10_000;

	public Paging {
		if (page < 0 || page > MAX_PAGE) {
			throw ProblemException.invalid("page", "paging.page.range", MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ProblemException.invalid("size", "paging.size.range", MAX_SIZE);
		}
	}

	public static Paging first() {
		return new Paging(0, DEFAULT_SIZE);
	}

	public long offset() {
		return (long) page * size;
	}

	/**
	 * This page of a list read whole: one record's history or parts (an item's versions, a process's
	 * orphaned links), short in practice, answered a page at a time so that no answer is unbounded.
	 */
	public <T> Page<T> slice(java.util.List<T> all) {
		int from = (int) Math.min(offset(), all.size());
		int to = Math.min(from + size, all.size());
		return of(java.util.List.copyOf(all.subList(from, to)), all.size());
	}

	public <T> Page<T> of(java.util.List<T> items, long total) {
		return new Page<>(items, page, size, total);
	}
}
