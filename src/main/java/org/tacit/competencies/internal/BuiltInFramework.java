package org.tacit.competencies.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacit.competencies.internal.Framework.Competency;
import org.tacit.competencies.internal.Framework.Level;
import org.tacit.competencies.internal.Framework.Profile;

/**
 * The leadership KM competency framework every organization has from the start: what executive senior
 * managers, front-line managers and knowledge managers of a knowledge-enabled organization need to be
 * able to do, on a four-level scale. The structure follows the leadership KM competency model the
 * project was seeded with; the wording is Tacit's own.
 */
final class BuiltInFramework {

	static final String KEY = "leadership-km";

	static final String NAME = "Leadership KM competencies";

	static final String DESCRIPTION = "What the leaders of a knowledge-enabled organization need to be able to do so that "
			+ "its core processes keep getting better and people can reach current knowledge when they need it. "
			+ "It covers executive senior managers, front-line managers and knowledge managers.";

	static final String EXECUTIVE = "EXECUTIVE";
	static final String FRONT_LINE_MANAGER = "FRONT_LINE_MANAGER";
	static final String KNOWLEDGE_MANAGER = "KNOWLEDGE_MANAGER";

	private BuiltInFramework() {
	}

	static Framework.Definition definition() {
		List<Level> levels = List.of(
				new Level(1, "Awareness", "Knows what it is and why it matters; needs guidance to act on it."),
				new Level(2, "Working", "Does it in familiar situations, with some help now and then."),
				new Level(3, "Practitioner", "Does it unaided, adapts it to new situations and helps colleagues with it."),
				new Level(4, "Expert", "Shapes how the organization does it and coaches others in it."));
		List<Profile> profiles = List.of(new Profile(EXECUTIVE, "Executive senior manager"),
				new Profile(FRONT_LINE_MANAGER, "Front-line manager"), new Profile(KNOWLEDGE_MANAGER, "Knowledge manager"));
		List<Competency> competencies = List.of(
				competency("explains-km", "Explains KM",
						"Talks about knowledge management in terms colleagues recognise from their own work, so that "
								+ "they see what it does for them.",
						List.of("Uses keeping the know-how of people about to retire as an example of what the organization "
								+ "could lose, and of how to hold on to it.",
								"Describes continuous improvement as learning before, during and after a piece of work, and "
										+ "putting the lessons captured to use.",
								"Points people to learning and process tools they can join or use, such as communities of "
										+ "practice and process maps kept up to date online.",
								"Shows how an online library of work samples, templates, checklists and guidance that "
										+ "everyone adds to saves the next person time."),
						required(4, 3, 3), List.of("km-items-authored")),
				competency("oversees-process-improvement", "Oversees improvement of core business processes",
						"Steers the improvement of the processes the business depends on by building KM approaches "
								+ "into them from beginning to end.",
						List.of("Makes sure KM practices sit inside each core process from end to end rather than "
								+ "beside it.",
								"Links each process improvement to the business results and the breakthroughs the "
										+ "organization is aiming for.",
								"Checks whether the practices built in really change how the work gets done."),
						required(3, 0, 2), List.of()),
				competency("sponsors-km-visibly", "Sponsors KM visibly",
						"Champions the KM activities that matter most, often and in public, and makes clear what "
								+ "everyone is expected to share.",
						List.of("Speaks up regularly for the value of KM and explains how it helps the organization "
								+ "reach its objectives.",
								"States plainly what people are expected to contribute and who is responsible for what.",
								"Recognises good sharing when it happens and sets the example personally.",
								"Makes clear that sharing what you know is what counts, and that keeping it to yourself "
										+ "earns no reward."),
						required(4, 0, 3), List.of("announcements-published", "kudos-given")),
				competency("understands-km-approaches", "Understands KM approaches and tools",
						"Knows the main KM methods and tools well enough to judge when each one helps and how to use it.",
						List.of("Knows how learning before, during and after an activity captures knowledge, distils it "
								+ "and passes it on.",
								"Knows the learning and process tools on offer, such as process maps, communities of "
										+ "practice, workgroups and web-based collaboration for teams.",
								"Lets a community of practice start only once its roles are defined and its purpose is "
										+ "clear: agreed deliverables, or a capability it sets out to build."),
						required(2, 2, 4), List.of()),
				competency("applies-change-management", "Applies change management",
						"Uses change-management skills to grow a culture in which people share what they know.",
						List.of("Promotes KM methods to the team and builds them into the daily workflow.",
								"Leads the way in adding to the knowledge base and in capturing lessons learned so "
										+ "that performance keeps improving.",
								"Builds the team, and helps design rewards and incentives that get people taking part."),
						required(0, 3, 3), List.of()),
				competency("aligns-performance-assessments", "Aligns performance assessments with knowledge sharing",
						"Makes knowledge-sharing expectations part of how people's performance is judged.",
						List.of("Puts knowledge-sharing responsibilities into objectives and performance reviews.",
								"Holds people to account for what they add to the organization's knowledge base and "
										+ "for keeping it in good shape."),
						required(0, 3, 2), List.of()),
				competency("develops-km-measurements", "Develops KM measurements",
						"Sets up measures of KM activity that show its effect on the organization's goals and point to "
								+ "the activities that need to improve.",
						List.of("Chooses measures that connect KM activities with the organization's goals.",
								"Uses the figures to find KM activities that are not working well enough.",
								"Keeps track of success stories, time saved, costs avoided and innovations."),
						required(0, 3, 3), List.of("targets-set")),
				competency("identifies-km-training-needs", "Identifies KM training needs",
						"Finds out what training people need so that they use the KM tools well and keep content current.",
						List.of("Checks that the people who use the KM and collaboration tools keep up with how they work.",
								"Makes sure content editors know how to keep knowledge accurate and relevant."),
						required(0, 3, 3), List.of()),
				competency("deploys-km-resources", "Deploys resources for capturing and sharing knowledge",
						"Finds and puts in place the people, time and tools it takes to capture knowledge and get it to "
								+ "the people who need it.",
						List.of("Works out what capturing and distributing a body of knowledge will take, and secures it."),
						required(0, 0, 3), List.of()),
				competency("supports-km-processes", "Supports KM processes and systems",
						"Keeps the processes and systems that find, capture, share and reuse knowledge running well.",
						List.of("Looks after the KM processes and systems day to day and fixes what gets in people's way."),
						required(0, 0, 3), List.of()),
				competency("cultivates-learning-organization", "Cultivates a learning organization",
						"Encourages and rewards the sharing and reuse of knowledge until learning from each other is a "
								+ "habit.",
						List.of("Thanks and rewards people who share and reuse knowledge."),
						required(0, 0, 3), List.of("kudos-given")),
				competency("keeps-up-with-km-practice", "Keeps up with KM practice",
						"Follows current practices and tools in knowledge management and brings in those that would help.",
						List.of("Knows what other organizations do well in KM and which tools are emerging."),
						required(0, 0, 3), List.of()),
				competency("models-knowledge-sharing", "Models knowledge sharing",
						"Shows by their own conduct the sharing behaviour the organization wants to see.",
						List.of("Shares their own work, asks for help in the open and reuses what others have shared."),
						required(0, 0, 4), List.of("km-items-authored", "kudos-given")));
		return new Framework.Definition(levels, profiles, competencies);
	}

	private static Competency competency(String code, String name, String description, List<String> indicators,
			Map<String, Integer> required, List<String> evidence) {
		return new Competency(code, name, description, indicators, required, evidence);
	}

	/** The levels each profile requires; 0 means the profile is not assessed on it. */
	private static Map<String, Integer> required(int executive, int frontLineManager, int knowledgeManager) {
		Map<String, Integer> required = new LinkedHashMap<>();
		if (executive > 0) {
			required.put(EXECUTIVE, executive);
		}
		if (frontLineManager > 0) {
			required.put(FRONT_LINE_MANAGER, frontLineManager);
		}
		if (knowledgeManager > 0) {
			required.put(KNOWLEDGE_MANAGER, knowledgeManager);
		}
		return required;
	}
}
