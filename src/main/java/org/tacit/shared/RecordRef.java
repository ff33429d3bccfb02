package org.tacit.shared;

/**
 * A record of any module, as another module links to it and shows the link.
 *
 * @param type the record type, as in search ({@code item}, {@code lesson}, {@code process-step}, {@code person}, ...)
 * @param id the record's id within its type (for a part of a record, such as a process step, "parent/part")
 * @param title how the link reads
 * @param path the record's page below the organization's root, without a leading slash ({@code items/...})
 */
public record RecordRef(String type, String id, String title, String path) {
}
