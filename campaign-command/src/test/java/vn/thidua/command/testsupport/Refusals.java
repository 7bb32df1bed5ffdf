package vn.thidua.command.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;

/** Matchers for the three ways a command is refused, naming the rule or field that refused it. */
public final class Refusals {
    private Refusals() {
    }

    /** A {@link RuleViolation} with exactly this rule name. */
    public static Matcher<Object> violates(String rule) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && rule.equals(v.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                describe(item, description);
            }
        };
    }

    /** An {@link InvalidValue} on exactly this field. */
    public static Matcher<Object> invalid(String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidValue v && field.equals(v.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidValue on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                describe(item, description);
            }
        };
    }

    /** A {@link NotFound} of this kind and id. */
    public static Matcher<Object> notFound(String kind, String id) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof NotFound n && kind.equals(n.kind()) && id.equals(n.id());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a NotFound of ").appendValue(kind).appendText(" ").appendValue(id);
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
