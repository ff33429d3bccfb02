package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacit.library.internal.FileNames;

/** File names from users are shown, never used as paths, and cannot break a Content-Disposition header. */
class AttachmentFileNamesTests {

	@Test
	void onlyTheLastPartOfAPathIsKeptWithoutControlCharacters() {
		assertThat(FileNames.clean("../../etc/passwd\"\r\nX: y.pdf")).isEqualTo("passwd\"X: y.pdf");
		assertThat(FileNames.clean("C:\\Users\\ann\\report.docx")).isEqualTo("report.docx");
		assertThat(FileNames.clean("  notes.txt  ")).isEqualTo("notes.txt");
		assertThat(FileNames.clean("tab\there.txt")).isEqualTo("tabhere.txt");
	}

	@Test
	void namesWithNothingToShowGetAPlainName() {
		assertThat(FileNames.clean(null)).isEqualTo("attachment");
		assertThat(FileNames.clean("")).isEqualTo("attachment");
		assertThat(FileNames.clean("..")).isEqualTo("attachment");
		assertThat(FileNames.clean("dir/")).isEqualTo("attachment");
		assertThat(FileNames.clean("\u0000\u0007")).isEqualTo("attachment");
	}

	@Test
	void invisibleCharactersCannotDisguiseAnExtension() {
		// "invoice" + RIGHT-TO-LEFT OVERRIDE + "fdp.exe" shows as "invoiceexe.pdf"
		assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.clean("a\u200Bb.txt")).isEqualTo("ab.txt");
	}

	@Test
	void longNamesAreShortenedKeepingTheExtension() {
		String shortened = FileNames.clean("x".repeat(300) + ".pdf");

		assertThat(shortened).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
		String emoji = FileNames.clean("\uD83D\uDCC4".repeat(200) + ".txt");
		assertThat(emoji.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
		assertThat(emoji).endsWith(".txt");
		assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 5))).isFalse();
	}

	@Test
	void theDispositionAlwaysDownloadsAndCannotBeBrokenOut() {
		String header = FileNames.attachmentDisposition("../../etc/passwd\"\r\nX: y.pdf");

		assertThat(header).isEqualTo("attachment; filename=\"passwdX: y.pdf\"; filename*=UTF-8''passwdX%3A%20y.pdf");
		assertThat(header).doesNotContain("\r").doesNotContain("\n").doesNotContain("/").doesNotContain("\\");
	}

	@Test
	void theDispositionCarriesAnyNameInUtf8() {
		assertThat(FileNames.attachmentDisposition("Prüfliste 100% «neu».xlsx"))
			.isEqualTo("attachment; filename=\"Pr_fliste 100_ _neu_.xlsx\"; "
					+ "filename*=UTF-8''Pr%C3%BCfliste%20100%25%20%C2%ABneu%C2%BB.xlsx");
		assertThat(FileNames.attachmentDisposition("a\\b\"c.txt"))
			.isEqualTo("attachment; filename=\"bc.txt\"; filename*=UTF-8''bc.txt");
		assertThat(FileNames.attachmentDisposition("\"\"")).isEqualTo("attachment; filename=\"attachment\"; "
				+ "filename*=UTF-8''attachment");
	}
}
