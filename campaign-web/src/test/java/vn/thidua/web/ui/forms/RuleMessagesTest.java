package vn.thidua.web.ui.forms;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule the write side can refuse with has a message in both languages. */
class RuleMessagesTest {
    static final List<String> RULES = List.of("campaign.closed", "campaign.duplicate-content",
            "campaign.duplicate-indicator", "campaign.duplicate-period", "campaign.empty-content", "campaign.exists",
            "campaign.head-not-member", "campaign.negative-weight", "campaign.no-contents", "campaign.no-periods",
            "campaign.pledge-deadline-after-last-period", "campaign.unknown-cluster", "cluster.duplicate-member",
            "cluster.exists", "cluster.head-not-member", "cluster.no-members", "commendation.ballot-inconsistent",
            "commendation.campaign-open", "commendation.government-flag-needs-provincial-flag",
            "commendation.government-flag-quota", "commendation.no-basis", "commendation.no-majority",
            "commendation.not-approved", "commendation.not-leading", "commendation.not-member",
            "commendation.not-proposed", "commendation.not-revocable", "commendation.provisional-ranking",
            "pledge.below-floor", "pledge.deadline-passed", "pledge.incomplete", "pledge.not-member",
            "report.correction-needs-reason", "report.no-pledge", "report.not-pledged", "report.unknown-period",
            "rules.missing", "rules.version-not-increasing", "user.exists", "verification.no-report",
            "verification.no-verdict", "verification.not-allowed", "verification.not-reported",
            "verification.own-unit", "verification.rejected-needs-correction",
            // Issue 11: refusals that were missing.
            "verification.rejection-needs-comment", "commendation.rejection-needs-comment",
            "commendation.ballot-exceeds-members", "commendation.decision-in-future",
            // Issue 12: evidence (minh chứng).
            "evidence.other-unit", "evidence.no-report", "evidence.id-taken", "evidence.withdrawal-needs-reason",
            "evidence.report-verified",
            // Issue 13: secret ballots.
            "ballot.exists", "ballot.campaign-open", "ballot.closes-in-past", "ballot.already-voted", "ballot.past-closing",
            "ballot.closed", "ballot.not-eligible", "ballot.box-exceeds-turnout", "ballot.box-invalid",
            "commendation.ballot-open", "commendation.not-a-candidate", "commendation.ballot-empty");

    @Test
    void everyRuleHasVietnameseAndEnglishMessages() throws IOException {
        Properties vi = load("/i18n/forms.properties");
        Properties en = load("/i18n/forms_en.properties");
        for (String rule : RULES) {
            assertThat(vi.getProperty("rule." + rule)).as("vi rule." + rule).isNotBlank();
            assertThat(en.getProperty("rule." + rule)).as("en rule." + rule).isNotBlank();
        }
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(RuleMessagesTest.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
