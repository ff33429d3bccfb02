package org.tacit.backup.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.backup.Backups;
import org.tacit.organizations.Organizations;
import org.tacit.shared.DataDirectory;
import org.tacit.shared.ProblemException;

/** {@code POST /api/v1/backup}: a backup of the whole installation, for site administrators. */
@RestController
@Tag(name = "Operations", description = "Backups of the installation")
class BackupApi {

	private final Backups backups;
	private final DataDirectory data;
	private final Organizations organizations;

	BackupApi(Backups backups, DataDirectory data, Organizations organizations) {
		this.backups = backups;
		this.data = data;
		this.organizations = organizations;
	}

	@PostMapping("/api/v1/backup")
	@Operation(summary = "Take a consistent backup of the database and the attached files while Tacit runs "
			+ "(site administrators); the answer is the backup file (application/zip). ./tacit backup calls it.")
	void backup(HttpServletResponse response) throws IOException {
		if (!organizations.currentIsSiteAdmin()) {
			throw ProblemException.forbidden();
		}
		Path folder = Files.createDirectories(data.root().resolve("backups"));
		Path file = Files.createTempFile(folder, "backup-", ".zip");
		try {
			backups.write(file);
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tacit-backup.zip\"");
			response.setContentLengthLong(Files.size(file));
			try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
				in.transferTo(out);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
