package vn.thidua.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.shared.Codes;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the REST contract (API.md), with their validation. */
public final class Bodies {
    static final String CODE = Codes.PATTERN;
    static final String CODE_MSG = "must match " + Codes.PATTERN;

    private Bodies() {
    }

    public record Member(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String code,
                         @NotBlank @Size(max = 200) String name, @Size(max = 40) String kind) {
        UnitRef toUnit() {
            return new UnitRef(code, name, kind == null ? "UNIT" : kind);
        }
    }

    public record Cluster(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String code,
                          @NotBlank @Size(max = 300) String name,
                          @NotEmpty @Size(max = 2000) List<@Valid @NotNull Member> members,
                          @Pattern(regexp = CODE, message = CODE_MSG) String headUnit) {
    }

    public record IndicatorBody(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String code,
                                @NotBlank @Size(max = 500) String title, @Size(max = 40) String unit,
                                @NotNull IndicatorKind kind, Direction direction, BigDecimal floor,
                                @NotNull BigDecimal weight, BigDecimal pointsPerItem, BigDecimal min, BigDecimal max) {
        Indicator toIndicator() {
            return new Indicator(code, title, unit == null ? "" : unit, kind, direction, floor, weight, pointsPerItem,
                    min, max);
        }
    }

    public record ContentBody(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String code,
                              @NotBlank @Size(max = 1000) String title,
                              @NotEmpty @Size(max = 200) List<@Valid @NotNull IndicatorBody> indicators) {
        Content toContent() {
            return new Content(code, title, indicators.stream().map(IndicatorBody::toIndicator).toList());
        }
    }

    public record PeriodBody(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String code,
                             @NotBlank @Size(max = 300) String title, @NotNull LocalDate dueDate) {
        Period toPeriod() {
            return new Period(code, title, dueDate);
        }
    }

    public record Rules(@NotNull @Min(1) Integer version, @NotNull ScoringMethod method, BigDecimal cap,
                        BigDecimal latePenalty, BigDecimal missingPenalty, BigDecimal rejectedPenalty) {
        ScoringRules toRules() {
            return new ScoringRules(version, method, cap, latePenalty, missingPenalty, rejectedPenalty);
        }
    }

    public record Campaign(@Pattern(regexp = Codes.ID_PATTERN, message = "must match " + Codes.ID_PATTERN) String campaignId,
                           @NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String clusterCode,
                           @NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 1000) String title,
                           @NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String headUnit,
                           @NotNull LocalDate pledgeDeadline,
                           @NotEmpty @Size(max = 100) List<@Valid @NotNull PeriodBody> periods,
                           @NotEmpty @Size(max = 100) List<@Valid @NotNull ContentBody> contents,
                           @Valid Rules scoringRules) {

        /** The launch this body asks for, under its own id or a new one. */
        public vn.thidua.domain.campaign.LaunchCampaign toCommand() {
            String id = campaignId != null ? campaignId : java.util.UUID.randomUUID().toString();
            return new vn.thidua.domain.campaign.LaunchCampaign(id, clusterCode, year, title, headUnit, pledgeDeadline,
                    periods.stream().map(PeriodBody::toPeriod).toList(),
                    contents.stream().map(ContentBody::toContent).toList(),
                    scoringRules == null ? null : scoringRules.toRules());
        }
    }

    public record Pledge(@NotNull Map<String, JsonNode> targets) {
    }

    public record Report(@NotNull Map<String, JsonNode> values, @Size(max = 2000) String reason) {
    }

    public record Verification(@NotNull Verdict verdict, @Size(max = 2000) String comment,
                               Map<String, JsonNode> verifiedValues,
                               Map<String, @Size(max = 2000) String> reasons) {
        public Verification(Verdict verdict, String comment, Map<String, JsonNode> verifiedValues) {
            this(verdict, comment, verifiedValues, null);
        }
    }

    public record BallotBody(@NotNull @Min(0) Integer inFavour, @NotNull @Min(0) Integer against,
                             @NotNull @Min(1) Integer cast) {
    }

    /** A proposal cites the cluster's ballot: typed numbers (a paper ballot) or a closed ballot held in the app. */
    public record Proposal(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String unitCode,
                           @NotNull Award award, @NotBlank @Size(max = 4000) String rationale,
                           @Valid BallotBody ballot,
                           @Pattern(regexp = Codes.ID_PATTERN, message = "must match " + Codes.ID_PATTERN)
                           String ballotId) {
    }

    public record BallotOpening(@Pattern(regexp = Codes.ID_PATTERN, message = "must match " + Codes.ID_PATTERN)
                                String ballotId, @NotBlank @Size(max = 500) String title,
                                @NotNull java.time.Instant closesAt,
                                @NotEmpty @Size(max = 200) List<@NotNull @Valid CandidateBody> candidates) {
    }

    public record CandidateBody(@NotBlank @Pattern(regexp = CODE, message = CODE_MSG) String unitCode,
                                @NotNull Award award) {
    }

    /** A vote: a choice per candidate, "unitCode:AWARD" to FOR, AGAINST or ABSTAIN. */
    public record Vote(@NotNull @Size(max = 200) Map<String, String> choices) {
    }

    public record Comment(@Size(max = 2000) String comment) {
    }

    public record Conferral(@NotBlank @Size(max = 100) String decisionNo, @NotNull LocalDate decisionDate) {
    }

    public record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }
}
