package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The library's daily counts (issue 12) are what the records say: saves through the API and an import,
 * "used this" marks, and the rebuild the migration runs from the versions and marks gives the same rows.
 */
@TacitTest
class LibraryDailyCountsTests {

	/** The rebuild of migration V2026.12.02.970, for one organization. */
	private static final String REBUILT = """
			SELECT CAST(on_day AS VARCHAR(10)) || ' ' || CAST(space_id AS VARCHAR(36)) || ' ' || kind || ' '
			  || CAST(SUM(c) AS VARCHAR(20)) || ' ' || CAST(SUM(r) AS VARCHAR(20)) AS line FROM (
			  SELECT i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, v.kind, 1 AS c, 0 AS r
			  FROM library_version v JOIN library_item i ON i.id = v.item_id
			  UNION ALL
			  SELECT u.org_id, CAST(u.used_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, i.kind, 0 AS c, 1 AS r
			  FROM library_use u JOIN library_item i ON i.id = u.item_id AND i.org_id = u.org_id
			) a WHERE org_id = ? GROUP BY org_id, on_day, space_id, kind""";

	private static final String KEPT = """
			SELECT CAST(on_day AS VARCHAR(10)) || ' ' || CAST(space_id AS VARCHAR(36)) || ' ' || kind || ' '
			  || CAST(contributions AS VARCHAR(20)) || ' ' || CAST(reuses AS VARCHAR(20)) AS line
			FROM library_activity_daily WHERE org_id = ?""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MarkdownImport markdownImport;

	@TempDir
	Path folder;

	@Test
	void theCountsKeptAreTheCountsTheRecordsGive() throws Exception {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person contributor = data.member(org, "CONTRIBUTOR");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.space("DOCS");
		String base = "/api/v1/orgs/" + org.slug();
		String checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist", "- [ ] Lock the valves").get("id")
			.asString();
		String draft = library.draft(contributor, "OPS", "ARTICLE", "Pump notes", "Grease monthly", List.of()).get("id")
			.asString();
		Http mine = Http.api(port, contributor.token());
		assertThat(mine.put(base + "/items/" + draft, Map.of("version", 1, "title", "Pump notes, again", "summary", "", "body", "Grease monthly, twice")).status())
			.isEqualTo(200);
		assertThat(mine.post(base + "/items/" + checklist + "/uses", Map.of()).status()).isEqualTo(201);
		Files.writeString(folder.resolve("one.md"), "# One\n\nFirst page.");
		Files.writeString(folder.resolve("two.md"), "# Two\n\nSecond page.");
		assertThat(markdownImport.importFolder(org.slug(), "DOCS", folder, null, true, (d, t) -> {
		}).created()).isEqualTo(2);

		List<String> kept = jdbc.sql(KEPT).param(org.id()).query(String.class).list();
		List<String> rebuilt = jdbc.sql(REBUILT).param(org.id()).query(String.class).list();
		assertThat(kept).containsExactlyInAnyOrderElementsOf(rebuilt);
		// checklist (1 version, 1 use), the article (2 versions), the import (2 articles in one row)
		assertThat(kept).hasSize(3);
		long versions = jdbc.sql("SELECT SUM(versions) FROM library_contributor_daily WHERE org_id = ?")
			.param(org.id())
			.query(Long.class)
			.single();
		assertThat(versions).isEqualTo(5);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM library_contributor_daily WHERE org_id = ?")
			.param(org.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}
}
