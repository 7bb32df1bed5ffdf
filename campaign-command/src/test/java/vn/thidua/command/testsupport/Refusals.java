package vn.thidua.command.testsupport;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** Matchers for the three ways a command is refused, naming the rule or field that refused it. */
public final class Refusals {
    private Refusals() {
    }

    /** The command, sent to an aggregate with no history, is refused as {@code refusal} says and records nothing. */
    public static void assertRefused(AggregateTestFixture<?> fixture, Object command, Matcher<?> refusal) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(refusal)
                .expectNoEvents();
    }

    /** A {@link RuleViolation} with exactly this rule name. */
    public static Matcher<Object> violates(String rule) {
        return refusal(item -> item instanceof RuleViolation v && rule.equals(v.rule()),
                description -> description.appendText("a RuleViolation of rule ").appendValue(rule));
    }

    /** An {@link InvalidValue} on exactly this field. */
    public static Matcher<Object> invalid(String field) {
        return refusal(item -> item instanceof InvalidValue v && field.equals(v.field()),
                description -> description.appendText("an InvalidValue on field ").appendValue(field));
    }

    /** A {@link NotFound} of this kind and id. */
    public static Matcher<Object> notFound(String kind, String id) {
        return refusal(item -> item instanceof NotFound n && kind.equals(n.kind()) && id.equals(n.id()),
                description -> description.appendText("a NotFound of ").appendValue(kind).appendText(" ")
                        .appendValue(id));
    }

    /** A matcher of the refusals {@code matches} accepts, described by {@code expected}, any mismatch by its kind. */
    private static Matcher<Object> refusal(Predicate<Object> matches, Consumer<Description> expected) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return matches.test(item);
            }

            @Override
            public void describeTo(Description description) {
                expected.accept(description);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                describe(item, description);
            }
        };
    }

    private static void describe(Object item, Description description) {
        if (item instanceof RuleViolation v) {
            description.appendText("was RuleViolation ").appendValue(v.rule()).appendText(": " + v.getMessage());
        } else if (item instanceof InvalidValue v) {
            description.appendText("was InvalidValue on ").appendValue(v.field()).appendText(": " + v.getMessage());
        } else {
            description.appendText("was ").appendValue(item);
        }
    }
}
