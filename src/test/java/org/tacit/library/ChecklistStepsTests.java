package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacit.library.internal.ChecklistSteps;
import org.tacit.library.internal.ChecklistSteps.Step;

/** The steps of a checklist are read from the Markdown syntax tree of its body. */
class ChecklistStepsTests {

	@Test
	void topLevelListItemsAreTheStepsAndNestedListsAreNot() {
		String body = """
				# Night shift handover

				Read this before you start.

				## Before you leave

				- [ ] Write the **shift log**
				  - what broke
				  - what is still open
				- [x] Hand the keys to the next shift
				- Sign the [register](https://example.org/register)

				## Next morning

				1. Check the alarms at <https://alarms.example.org>
				2. [ ] Call the supervisor
				   1. even on Sundays

				> - quoted lists are not steps

				    - indented code is not a step
				""";

		assertThat(ChecklistSteps.of(body)).containsExactly(
				new Step("Before you leave", "Write the shift log"),
				new Step("Before you leave", "Hand the keys to the next shift"),
				new Step("Before you leave", "Sign the register (https://example.org/register)"),
				new Step("Next morning", "Check the alarms at https://alarms.example.org"),
				new Step("Next morning", "Call the supervisor"));
	}

	@Test
	void stepsWithoutAHeadingHaveNoSectionAndEmptyItemsAreSkipped() {
		assertThat(ChecklistSteps.of("* one\n* [ ]\n*   \n+ two\n  continued\n\n  second paragraph"))
			.containsExactly(new Step(null, "one"), new Step(null, "two continued second paragraph"));
	}

	@Test
	void aBodyWithoutAListHasNoSteps() {
		assertThat(ChecklistSteps.of("Just prose, [ ] no list.\n\n| a | b |\n|---|---|\n| - x | y |")).isEmpty();
		assertThat(ChecklistSteps.of(null)).isEmpty();
	}
}
