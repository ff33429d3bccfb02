package org.tacit.library.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tacit.library.ItemId;

/**
 * The import batches whose {@link org.tacit.library.ItemsImported} the search index has not handled yet.
 * A folder import stays at most a batch ahead of the index (so batches do not pile up in memory) and
 * waits for the last one before it returns, so the index holds every imported item when it is done.
 */
@Component
class ImportIndexing {

	private final Set<ItemId> pending = new HashSet<>();

	/** A batch is about to be written; {@code batch} names it by its first item. */
	synchronized void submitted(ItemId batch) {
		pending.add(batch);
	}

	/** The batch was handled (indexed, or failed and left to the event publication registry), or never written. */
	synchronized void done(List<ItemId> batch) {
		if (!batch.isEmpty() && pending.remove(batch.get(0))) {
			notifyAll();
		}
	}

	/** Waits until at most {@code batches} are pending, or the time is up; true if they are. */
	synchronized boolean awaitAtMost(int batches, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (pending.size() > batches) {
			long left = end - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}
}
