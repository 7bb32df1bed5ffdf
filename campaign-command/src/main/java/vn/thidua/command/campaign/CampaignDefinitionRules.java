package vn.thidua.command.campaign;

import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.InvalidValue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

import static vn.thidua.command.support.Rules.notBlank;
import static vn.thidua.command.support.Rules.require;
import static vn.thidua.command.support.Rules.validCode;

/** The rules a campaign's definition and its scoring rule sets must satisfy. */
final class CampaignDefinitionRules {
    private CampaignDefinitionRules() {
    }

    static void check(LaunchCampaign cmd) {
        if (!Codes.isId(cmd.campaignId())) {
            throw new InvalidValue("campaignId", "invalid-id", "'" + cmd.campaignId() + "' is not a valid id: " + Codes.ID_PATTERN);
        }
        notBlank("title", cmd.title());
        if (cmd.year() < 2000 || cmd.year() > 2100) {
            throw new InvalidValue("year", "year-range", "must be between 2000 and 2100");
        }
        if (cmd.pledgeDeadline() == null) {
            throw new InvalidValue("pledgeDeadline", "required", "is required");
        }
        require(cmd.periods() != null && !cmd.periods().isEmpty(), "campaign.no-periods",
                "a campaign needs at least one reporting period");
        require(cmd.contents() != null && !cmd.contents().isEmpty(), "campaign.no-contents",
                "a campaign needs at least one content with indicators");
        Set<String> periodCodes = new HashSet<>();
        for (int i = 0; i < cmd.periods().size(); i++) {
            Period p = cmd.periods().get(i);
            validCode("periods[" + i + "].code", p.code());
            notBlank("periods[" + i + "].title", p.title());
            if (p.dueDate() == null) {
                throw new InvalidValue("periods[" + i + "].dueDate", "required", "is required");
            }
            require(periodCodes.add(p.code()), "campaign.duplicate-period", "period code " + p.code() + " appears twice");
        }
        Period last = cmd.periods().stream().max(Comparator.comparing(Period::dueDate)).orElseThrow();
        require(cmd.pledgeDeadline().isBefore(last.dueDate()), "campaign.pledge-deadline-after-last-period",
                "the pledge deadline " + cmd.pledgeDeadline() + " must be before the last period's due date "
                        + last.dueDate());
        Set<String> contentCodes = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        for (int c = 0; c < cmd.contents().size(); c++) {
            Content content = cmd.contents().get(c);
            String at = "contents[" + c + "]";
            validCode(at + ".code", content.code());
            notBlank(at + ".title", content.title());
            require(contentCodes.add(content.code()), "campaign.duplicate-content",
                    "content code " + content.code() + " appears twice");
            require(!content.indicators().isEmpty(), "campaign.empty-content",
                    "content " + content.code() + " has no indicators");
            for (int i = 0; i < content.indicators().size(); i++) {
                Indicator indicator = content.indicators().get(i);
                checkIndicator(at + ".indicators[" + i + "]", indicator);
                require(indicatorCodes.add(indicator.code()), "campaign.duplicate-indicator",
                        "indicator code " + indicator.code() + " appears twice");
            }
        }
        checkRules(cmd.scoringRules());
    }

    private static void checkIndicator(String at, Indicator indicator) {
        validCode(at + ".code", indicator.code());
        notBlank(at + ".title", indicator.title());
        if (indicator.kind() == null) {
            throw new InvalidValue(at + ".kind", "required", "is required: QUANTITATIVE, QUALITATIVE, COUNT or ADJUSTMENT");
        }
        if (indicator.weight() == null) {
            throw new InvalidValue(at + ".weight", "required", "is required");
        }
        require(indicator.weight().signum() >= 0, "campaign.negative-weight",
                "indicator " + indicator.code() + " has a negative weight");
        if (indicator.direction() != null && indicator.kind() != IndicatorKind.QUANTITATIVE) {
            throw new InvalidValue(at + ".direction", "direction-quantitative-only", "applies to QUANTITATIVE indicators only");
        }
        if (indicator.min() != null && indicator.max() != null && indicator.min().compareTo(indicator.max()) > 0) {
            throw new InvalidValue(at + ".min", "min-above-max", "is greater than max");
        }
        if (indicator.kind() == IndicatorKind.QUALITATIVE && indicator.floor() != null
                && indicator.floor().compareTo(BigDecimal.ZERO) != 0 && indicator.floor().compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidValue(at + ".floor", "yes-no-floor", "a yes/no indicator's floor is 0 or 1");
        }
        if (indicator.kind() == IndicatorKind.ADJUSTMENT && indicator.pointsPerItem() == null) {
            throw new InvalidValue(at + ".pointsPerItem", "points-per-item-required", "is required for ADJUSTMENT indicators");
        }
    }

    static void checkRules(ScoringRules rules) {
        if (rules == null) {
            return;
        }
        if (rules.version() < 1) {
            throw new InvalidValue("scoringRules.version", "version-min", "must be 1 or more");
        }
        if (rules.method() == null) {
            throw new InvalidValue("scoringRules.method", "required", "is required: RATIO_CAPPED or LEADER_INTERPOLATED");
        }
        if (rules.method() == ScoringMethod.RATIO_CAPPED && rules.cap() != null && rules.cap().signum() <= 0) {
            throw new InvalidValue("scoringRules.cap", "positive", "must be positive");
        }
        nonNegative("scoringRules.latePenalty", rules.latePenalty());
        nonNegative("scoringRules.missingPenalty", rules.missingPenalty());
        nonNegative("scoringRules.rejectedPenalty", rules.rejectedPenalty());
    }

    private static void nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new InvalidValue(field, "non-negative", "must not be negative (a penalty is deducted)");
        }
    }

    static Direction directionOf(Indicator indicator) {
        return indicator.kind() == IndicatorKind.QUANTITATIVE ? indicator.directionOrDefault() : null;
    }
}
