package org.tacit.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion as documented: 1 / (k + rank) per list, weighted, summed over the lists. */
class HybridFusionTests {

	private static Hybrid fusion(double keywordWeight, double semanticWeight) {
		return new Hybrid(null, null, keywordWeight, semanticWeight, 60, 0.3f);
	}

	@Test
	void aRecordHighInBothListsBeatsOnesHighInOne() {
		List<Hybrid.Fused<String>> fused = fusion(1, 1).fuse(List.of("a", "b", "c"), List.of("d", "b", "e"));

		assertThat(fused).extracting(Hybrid.Fused::record).containsExactly("b", "a", "d", "c", "e");
		assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(fused.get(0).keywordRank()).isEqualTo(2);
		assertThat(fused.get(0).semanticRank()).isEqualTo(2);
		assertThat(fused.get(2).keywordRank()).as("d was not found by words").isZero();
	}

	@Test
	void tiesKeepTheKeywordOrderThenTheSemanticOrder() {
		List<Hybrid.Fused<String>> fused = fusion(1, 1).fuse(List.of("a", "b"), List.of("c", "d"));

		assertThat(fused).extracting(Hybrid.Fused::record).containsExactly("a", "c", "b", "d");
	}

	@Test
	void weightsShiftTheBalance() {
		List<Hybrid.Fused<String>> byWords = fusion(2, 1).fuse(List.of("a"), List.of("b"));
		List<Hybrid.Fused<String>> byMeaning = fusion(1, 2).fuse(List.of("a"), List.of("b"));

		assertThat(byWords).extracting(Hybrid.Fused::record).containsExactly("a", "b");
		assertThat(byMeaning).extracting(Hybrid.Fused::record).containsExactly("b", "a");
	}

	@Test
	void oneEmptyListLeavesTheOtherInItsOrder() {
		assertThat(fusion(1, 1).fuse(List.of(), List.of("x", "y"))).extracting(Hybrid.Fused::record)
			.containsExactly("x", "y");
		assertThat(fusion(1, 1).fuse(List.of("x", "y"), List.of())).extracting(Hybrid.Fused::record)
			.containsExactly("x", "y");
	}
}
