package io.concordat.publication.contract;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathExpressionTests {

	private static final List<Object> ITEMS_0_ID = List.of("items", 0, "id");

	@Test
	void readsDottedBracketedIndexedAndWildcardSteps() {
		PathExpression expression = PathExpression.parse("$.a['b c'][2][*].*.#text");

		assertThat(expression).isNotNull();
		assertThat(expression.tokens()).containsExactly(new PathExpression.Token(PathExpression.Kind.NAME, "a", -1),
				new PathExpression.Token(PathExpression.Kind.NAME, "b c", -1),
				new PathExpression.Token(PathExpression.Kind.INDEX, null, 2),
				new PathExpression.Token(PathExpression.Kind.ANY_INDEX, null, -1),
				new PathExpression.Token(PathExpression.Kind.ANY, null, -1),
				new PathExpression.Token(PathExpression.Kind.NAME, "#text", -1));
	}

	@Test
	void readsEscapedQuotesInBracketedNames() {
		PathExpression expression = PathExpression.parse("$['it\\'s']");

		assertThat(expression).isNotNull();
		assertThat(expression.tokens()).extracting(PathExpression.Token::name).containsExactly("it's");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "a.b", "$.", "$..a", "$[", "$[abc]", "$['a'", "$['a'x]", "$[1", "$a", "$[99999999999]" })
	void rejectsWhatIsNotAPathExpression(String expression) {
		assertThat(PathExpression.parse(expression)).isNull();
	}

	@Test
	void exactStepsOutweighWildcards() {
		PathExpression.Match exact = match("$.items[0].id");
		PathExpression.Match wildcard = match("$.items[*].id");
		PathExpression.Match anything = match("$.items[*].*");

		assertThat(exact.whole()).isTrue();
		assertThat(exact.beats(wildcard)).isTrue();
		assertThat(wildcard.beats(anything)).isTrue();
		assertThat(anything.beats(exact)).isFalse();
	}

	@Test
	void anEnclosingPathSelectsDescendantsWithLessWeightThanTheFieldItself() {
		PathExpression.Match enclosing = match("$.items");
		PathExpression.Match closerEnclosing = match("$.items[*]");
		PathExpression.Match itself = match("$.*[*].*");

		assertThat(enclosing.whole()).isFalse();
		assertThat(closerEnclosing.beats(enclosing)).isTrue();
		assertThat(itself.beats(closerEnclosing)).isTrue();
		assertThat(match("$").beats(enclosing)).isFalse();
	}

	@Test
	void selectsNothingOnAnotherBranch() {
		assertThat(PathExpression.parse("$.other").match(ITEMS_0_ID)).isNull();
		assertThat(PathExpression.parse("$.items[1]").match(ITEMS_0_ID)).isNull();
		assertThat(PathExpression.parse("$.items[0].id.deeper").match(ITEMS_0_ID)).isNull();
		assertThat(PathExpression.parse("$[*]").match(List.of("items"))).isNull();
	}

	@Test
	void aNumericNameSelectsTheElementAtThatIndexAsPactDoes() {
		assertThat(match("$.items.0.id")).as("the same match as the bracketed index").isEqualTo(match("$.items[0].id"));
	}

	private static PathExpression.Match match(String expression) {
		PathExpression parsed = PathExpression.parse(expression);
		assertThat(parsed).as(expression).isNotNull();
		PathExpression.Match match = parsed.match(ITEMS_0_ID);
		assertThat(match).as(expression).isNotNull();
		return match;
	}

}
