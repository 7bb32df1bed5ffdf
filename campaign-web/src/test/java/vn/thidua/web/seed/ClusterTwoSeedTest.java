package vn.thidua.web.seed;

import vn.thidua.domain.campaign.ApproveLeagueTable;
import vn.thidua.domain.campaign.AssignInspection;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CloseCampaign;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.participation.VerifyReport;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.Role;
import vn.thidua.domain.shared.UnitRef;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTwoSeedTest {

    private static final String CODE = "[A-Za-z0-9_-]{1,40}";
    private static final List<String> ORDINALS = List.of("Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm",
            "Thứ sáu", "Thứ bảy", "Thứ tám", "Thứ chín");

    private final List<SeedStep> history = ClusterTwoSeed.history2021();
    private final LaunchCampaign launch = commands(LaunchCampaign.class).get(0);
    private final Map<String, Indicator> indicators = indicatorsOf(ClusterTwoSeed.contents());

    @Test
    void nineContentsInTheLettersOrder() {
        List<Content> contents = ClusterTwoSeed.contents();
        assertThat(contents).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(contents.get(i).title()).startsWith(ORDINALS.get(i) + ":");
            assertThat(contents.get(i).indicators()).isNotEmpty();
        }
    }

    @Test
    void weightsSumToExactlyHundred() {
        BigDecimal sum = indicators.values().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("100");
        assertThat(indicators.values()).allSatisfy(i -> assertThat(i.weight()).isPositive());
    }

    @Test
    void indicatorsAreWellFormed() {
        assertThat(indicators).hasSize(14);
        for (Indicator i : indicators.values()) {
            assertThat(i.title()).isNotBlank();
            assertThat(i.unit()).isNotBlank();
            assertThat(i.min()).isNotNull();
            assertThat(i.max()).isNotNull();
            assertThat(i.min()).isLessThan(i.max());
            if (i.floor() != null) {
                assertThat(i.floor()).isBetween(i.min(), i.max());
            }
            switch (i.kind()) {
                case QUANTITATIVE -> assertThat(i.direction()).isNotNull();
                case COUNT -> assertThat(i.pointsPerItem()).isPositive();
                case QUALITATIVE -> assertThat(List.of(i.min(), i.max()))
                        .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, BigDecimal.ONE);
                default -> {
                }
            }
        }
        assertThat(indicators.get(ClusterTwoSeed.NTM_NANG_CAO).kind()).isEqualTo(IndicatorKind.COUNT);
        assertThat(indicators.get(ClusterTwoSeed.NTM_NANG_CAO).floor()).isEqualByComparingTo("2");
        assertThat(indicators.get(ClusterTwoSeed.GIAM_NGHEO).floor()).isEqualByComparingTo("1");
        assertThat(indicators.get(ClusterTwoSeed.THU_NGAN_SACH).floor()).isEqualByComparingTo("100");
    }

    @Test
    void codesMatchTheContractAndAreUnique() {
        List<String> codes = new ArrayList<>();
        codes.add(ClusterTwoSeed.CLUSTER_CODE);
        ClusterTwoSeed.members().forEach(m -> codes.add(m.code()));
        ClusterTwoSeed.contents().forEach(c -> codes.add(c.code()));
        codes.addAll(indicators.keySet());
        ClusterTwoSeed.periods2021().forEach(p -> codes.add(p.code()));
        assertThat(codes).allMatch(c -> c.matches(CODE)).doesNotHaveDuplicates();
        assertThat(ClusterTwoSeed.CAMPAIGN_2021).matches("[A-Za-z0-9_-]{1,64}");
        // Indicator codes are unique across contents (the map would have swallowed a duplicate).
        long total = ClusterTwoSeed.contents().stream().mapToLong(c -> c.indicators().size()).sum();
        assertThat(total).isEqualTo(indicators.size());
    }

    @Test
    void exactlyTheLettersEightDistrictsWithTrieuSonAsHead() {
        RegisterCluster cluster = commands(RegisterCluster.class).get(0);
        assertThat(cluster.members()).extracting(UnitRef::name).containsExactlyInAnyOrder("Triệu Sơn", "Đông Sơn",
                "Hà Trung", "Yên Định", "Thiệu Hóa", "Vĩnh Lộc", "Nông Cống", "Thọ Xuân");
        assertThat(cluster.members()).extracting(UnitRef::kind).containsOnly("DISTRICT");
        assertThat(cluster.headUnit()).isEqualTo("TRIEU_SON");
        assertThat(launch.headUnit()).isEqualTo("TRIEU_SON");
        assertThat(launch.year()).isEqualTo(2021);
        assertThat(commands(RegisterCluster.class)).hasSize(1);
    }

    @Test
    void stepsAreChronologicalAndDatedFromLaunchInApril2021ToClose() {
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).at()).isAfterOrEqualTo(history.get(i - 1).at());
        }
        assertThat(history.get(0).command()).isInstanceOf(RegisterCluster.class);
        assertThat(history.get(1).command()).isInstanceOf(LaunchCampaign.class);
        assertThat(LocalDate.ofInstant(history.get(1).at(), Deadlines.ZONE)).isBetween(LocalDate.of(2021, 4, 1),
                LocalDate.of(2021, 4, 30));
        SeedStep close = history.get(history.size() - 2);
        assertThat(close.command()).isInstanceOf(CloseCampaign.class);
        assertThat(close.actorRole()).isEqualTo(Role.CLUSTER_HEAD);
        assertThat(close.actorUnit()).isEqualTo("TRIEU_SON");
        assertThat(commands(CloseCampaign.class)).hasSize(1);
        // After the close, the cluster meeting approves the table (its rows computed when seeded).
        SeedStep approval = history.get(history.size() - 1);
        assertThat(approval.command()).isInstanceOf(ApproveLeagueTable.class);
        assertThat(approval.actorRole()).isEqualTo(Role.CLUSTER_HEAD);
        assertThat(approval.at()).isAfter(close.at());
        assertThat(((ApproveLeagueTable) approval.command()).rows()).isNull();
    }

    @Test
    void everyPledgeCoversEveryIndicatorAtOrAboveFloorBeforeTheDeadline() {
        Instant deadlineEnd = Deadlines.endOf(launch.pledgeDeadline());
        assertThat(launch.pledgeDeadline()).isBefore(launch.periods().get(launch.periods().size() - 1).dueDate());
        List<SeedStep> pledges = steps(SubmitPledge.class);
        assertThat(pledges).hasSizeGreaterThan(8);
        assertThat(pledges).extracting(s -> ((SubmitPledge) s.command()).unitCode()).containsAll(unitCodes());
        for (SeedStep step : pledges) {
            SubmitPledge pledge = (SubmitPledge) step.command();
            assertThat(step.at()).isBefore(deadlineEnd);
            assertThat(step.actorRole()).isEqualTo(Role.UNIT_OFFICER);
            assertThat(step.actorUnit()).isEqualTo(pledge.unitCode());
            assertThat(pledge.targets().keySet()).containsExactlyInAnyOrderElementsOf(indicators.keySet());
            pledge.targets().forEach((code, target) -> {
                Indicator i = indicators.get(code);
                if (i.floor() != null) {
                    assertThat(target).as(pledge.unitCode() + " " + code).isGreaterThanOrEqualTo(i.floor());
                }
                assertThat(target).as(pledge.unitCode() + " " + code).isBetween(i.min(), i.max());
            });
        }
    }

    @Test
    void reportsAreForKnownPeriodsWithinBoundsAndCoverEveryDistrict() {
        Set<String> periods = launch.periods().stream().map(Period::code).collect(Collectors.toSet());
        Map<String, Set<String>> periodsByUnit = new HashMap<>();
        for (SeedStep step : steps(SubmitReport.class)) {
            SubmitReport r = (SubmitReport) step.command();
            assertThat(periods).contains(r.periodCode());
            assertThat(step.actorUnit()).isEqualTo(r.unitCode());
            assertThat(r.values()).isNotEmpty();
            r.values().forEach((code, value) -> {
                Indicator i = indicators.get(code);
                assertThat(i).as(code).isNotNull();
                assertThat(value).as(r.unitCode() + " " + r.periodCode() + " " + code).isBetween(i.min(), i.max());
                if (i.kind() == IndicatorKind.QUALITATIVE) {
                    assertThat(value).isIn(BigDecimal.ZERO, BigDecimal.ONE);
                }
            });
            periodsByUnit.computeIfAbsent(r.unitCode(), u -> new HashSet<>()).add(r.periodCode());
        }
        assertThat(periodsByUnit.keySet()).containsExactlyInAnyOrderElementsOf(unitCodes());
        periodsByUnit.values().forEach(p -> assertThat(p).contains("H1", "FY"));
    }

    @Test
    void theLettersPublicFiguresAreThere() {
        assertThat(lastReport("THIEU_HOA", "FY").get(ClusterTwoSeed.THU_NGAN_SACH)).isEqualByComparingTo("159");
        assertThat(lastReport("THIEU_HOA", "FY").get(ClusterTwoSeed.TANG_TRUONG)).isEqualByComparingTo("15.18");
        assertThat(lastReport("TRIEU_SON", "M9").get(ClusterTwoSeed.THU_NGAN_SACH)).isEqualByComparingTo("112.3");
    }

    @Test
    void correctionsHaveReasonsAndOneReportIsLate() {
        Map<String, Integer> submissions = new HashMap<>();
        int corrections = 0;
        for (SeedStep step : steps(SubmitReport.class)) {
            SubmitReport r = (SubmitReport) step.command();
            String key = r.unitCode() + "/" + r.periodCode();
            if (submissions.merge(key, 1, Integer::sum) > 1) {
                corrections++;
                assertThat(r.reason()).isNotBlank();
            }
        }
        assertThat(corrections).isGreaterThanOrEqualTo(1);
        Map<String, LocalDate> due = launch.periods().stream().collect(Collectors.toMap(Period::code, Period::dueDate));
        long late = steps(SubmitReport.class).stream()
                .filter(s -> ((SubmitReport) s.command()).reason() == null)
                .filter(s -> Deadlines.passed(due.get(((SubmitReport) s.command()).periodCode()), s.at()))
                .count();
        assertThat(late).isGreaterThanOrEqualTo(1);
    }

    @Test
    void verificationsNeverByTheReportingUnitAndTheHeadIsVerifiedByTheBoard() {
        List<SeedStep> verifications = steps(VerifyReport.class);
        assertThat(verifications).isNotEmpty();
        for (SeedStep step : verifications) {
            VerifyReport v = (VerifyReport) step.command();
            assertThat(v.comment()).isNotBlank();
            assertThat(v.verifierUnit()).isNotEqualTo(v.unitCode());
            assertThat(step.actorRole()).isEqualTo(v.verifierRole());
            assertThat(step.actorUnit()).isEqualTo(v.verifierUnit());
            v.verifiedValues().keySet().forEach(code -> assertThat(v.reasons().get(code)).as(code).isNotBlank());
            if (v.unitCode().equals("TRIEU_SON")) {
                assertThat(v.verifierRole()).isEqualTo(Role.BOARD);
                assertThat(v.verifierUnit()).isNull();
            } else if (v.verifierRole() == Role.UNIT_OFFICER) {
                // an officer of a unit the head sent to inspect this unit for this period, before the verification
                assertThat(history.subList(0, history.indexOf(step))).anyMatch(s -> s.command()
                        instanceof AssignInspection a && a.inspectorUnit().equals(v.verifierUnit())
                        && a.periodCode().equals(v.periodCode()) && a.inspectedUnits().contains(v.unitCode()));
            } else {
                assertThat(v.verifierRole()).isEqualTo(Role.CLUSTER_HEAD);
                assertThat(v.verifierUnit()).isEqualTo("TRIEU_SON");
            }
        }
        assertThat(verifications).anyMatch(s -> ((VerifyReport) s.command()).verifierRole() == Role.UNIT_OFFICER);
        // Every (unit, period) reported ends verified, and the last verdict follows the last submission.
        Map<String, Instant> lastSubmission = new HashMap<>();
        Map<String, SeedStep> lastVerification = new HashMap<>();
        for (SeedStep step : history) {
            if (step.command() instanceof SubmitReport r) {
                lastSubmission.put(r.unitCode() + "/" + r.periodCode(), step.at());
            } else if (step.command() instanceof VerifyReport v) {
                lastVerification.put(v.unitCode() + "/" + v.periodCode(), step);
            }
        }
        assertThat(lastVerification.keySet()).containsExactlyInAnyOrderElementsOf(lastSubmission.keySet());
        lastVerification.forEach((key, step) -> {
            assertThat(((VerifyReport) step.command()).verdict()).as(key).isEqualTo(Verdict.VERIFIED);
            assertThat(step.at()).as(key).isAfter(lastSubmission.get(key));
        });
        assertThat(verifications).anyMatch(s -> ((VerifyReport) s.command()).verdict() == Verdict.REJECTED);
        assertThat(verifications).anyMatch(s -> !((VerifyReport) s.command()).verifiedValues().isEmpty());
    }

    @Test
    void actorsAreDemoUsersWithMatchingRolesAndUnits() {
        Map<String, DemoUser> users = ClusterTwoSeed.demoUsers().stream()
                .collect(Collectors.toMap(DemoUser::username, Function.identity()));
        assertThat(users.keySet()).contains("trieuson", "dongson", "hatrung", "yendinh", "thieuhoa", "vinhloc",
                "nongcong", "thoxuan", "truongcum", "bantdkt", "kiemtoan", "vanhanh");
        assertThat(users.values()).allSatisfy(u -> {
            assertThat(u.username()).matches("[a-z0-9]{3,32}");
            assertThat(u.role().boundToUnit()).isEqualTo(u.unitCode() != null);
        });
        assertThat(users.get("truongcum").role()).isEqualTo(Role.CLUSTER_HEAD);
        assertThat(users.get("truongcum").unitCode()).isEqualTo("TRIEU_SON");
        List<SeedStep> all = new ArrayList<>(history);
        all.addAll(ClusterTwoSeed.currentYear(LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T03:00:00Z")));
        for (SeedStep step : all) {
            DemoUser user = users.get(step.actorUser());
            assertThat(user).as(step.actorUser()).isNotNull();
            assertThat(step.actorRole()).isEqualTo(user.role());
            assertThat(step.actorUnit()).isEqualTo(user.unitCode());
        }
        assertThat(steps(LaunchCampaign.class).get(0).actorUser()).isEqualTo("truongcum");
    }

    @Test
    void evidenceIsAFewPdfsAttachedByEachReportsOwnUnitAfterItsReport() {
        java.util.Set<String> reported = new java.util.HashSet<>();
        int files = 0;
        for (SeedStep step : history) {
            if (step.command() instanceof SubmitReport r) {
                reported.add(r.unitCode() + "/" + r.periodCode());
            } else if (step.command() instanceof SeedEvidence e) {
                files++;
                assertThat(reported).as(e.fileName()).contains(e.unitCode() + "/" + e.periodCode());
                assertThat(step.actorUnit()).isEqualTo(e.unitCode());
                assertThat(e.fileName()).endsWith(".pdf");
                assertThat(SeedPdfs.pdf(e.title(), e.lines())).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        assertThat(files).isEqualTo(4);
    }

    @Test
    void allStringsAreNfcNormalised() {
        List<String> strings = new ArrayList<>();
        for (SeedStep step : history) {
            strings.add(step.actorUser());
            collectStrings(step.command(), strings);
        }
        ClusterTwoSeed.demoUsers().forEach(u -> collectStrings(u, strings));
        ClusterTwoSeed.currentYear(Instant.parse("2026-03-01T03:00:00Z")).forEach(s -> collectStrings(s.command(), strings));
        assertThat(strings).isNotEmpty()
                .allSatisfy(s -> assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as(s).isTrue());
        assertThat(strings).contains("Triệu Sơn", "Thiệu Hóa", "Thọ Xuân");
    }

    @Test
    void theCurrentYearCampaignIsOpenWithTheSameMembersAndIndicators() {
        Instant now = Instant.parse("2026-03-01T03:00:00Z");
        List<SeedStep> steps = ClusterTwoSeed.currentYear(now);
        assertThat(steps).noneMatch(s -> s.command() instanceof RegisterCluster || s.command() instanceof SubmitPledge
                || s.command() instanceof CloseCampaign);
        LaunchCampaign current = (LaunchCampaign) steps.get(0).command();
        assertThat(steps.get(0).at()).isBeforeOrEqualTo(now);
        assertThat(current.campaignId()).isEqualTo("cum-ii-2026").isNotEqualTo(launch.campaignId());
        assertThat(current.year()).isEqualTo(2026);
        assertThat(current.clusterCode()).isEqualTo(launch.clusterCode());
        assertThat(current.headUnit()).isEqualTo("TRIEU_SON");
        assertThat(Deadlines.passed(current.pledgeDeadline(), now)).isFalse();
        assertThat(current.pledgeDeadline()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(current.periods()).allSatisfy(p -> assertThat(p.dueDate()).isAfter(current.pledgeDeadline()));
        assertThat(current.periods()).extracting(Period::code).allMatch(c -> c.matches(CODE));
        assertThat(indicatorsOf(current.contents())).isEqualTo(indicators);
        assertThat(current.contents()).extracting(Content::code)
                .containsExactlyElementsOf(launch.contents().stream().map(Content::code).toList());
        assertThat(current.scoringRules()).isEqualTo(launch.scoringRules());
    }

    @Test
    void theFinalLeagueTableIsNotATie() {
        // A rough RATIO_CAPPED table over the last verified year-end values, only to check the demo is not flat.
        Map<String, Map<String, BigDecimal>> pledges = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> fy = new HashMap<>();
        for (SeedStep step : history) {
            if (step.command() instanceof SubmitPledge p) {
                pledges.put(p.unitCode(), p.targets());
            } else if (step.command() instanceof SubmitReport r && r.periodCode().equals("FY")) {
                fy.put(r.unitCode(), new HashMap<>(r.values()));
            } else if (step.command() instanceof VerifyReport v && v.periodCode().equals("FY")) {
                fy.get(v.unitCode()).putAll(v.verifiedValues());
            }
        }
        BigDecimal cap = launch.scoringRules().cap();
        Map<String, BigDecimal> totals = new HashMap<>();
        pledges.forEach((unit, targets) -> {
            BigDecimal total = BigDecimal.ZERO;
            for (Indicator i : indicators.values()) {
                BigDecimal a = fy.get(unit).get(i.code());
                BigDecimal t = targets.get(i.code());
                BigDecimal points = switch (i.kind()) {
                    case QUANTITATIVE -> i.weight().multiply(a.divide(t, 6, RoundingMode.HALF_UP).min(cap));
                    case QUALITATIVE -> a.signum() > 0 ? i.weight() : BigDecimal.ZERO;
                    case COUNT -> a.multiply(i.pointsPerItem()).min(i.weight());
                    case ADJUSTMENT -> BigDecimal.ZERO;
                };
                total = total.add(points);
            }
            totals.put(unit, total.setScale(2, RoundingMode.HALF_UP));
        });
        assertThat(totals).hasSize(8);
        assertThat(new HashSet<>(totals.values())).hasSizeGreaterThanOrEqualTo(6);
        List<BigDecimal> sorted = totals.values().stream().sorted().toList();
        assertThat(sorted.get(7)).isGreaterThan(sorted.get(6));
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static Map<String, Indicator> indicatorsOf(List<Content> contents) {
        Map<String, Indicator> all = new LinkedHashMap<>();
        contents.forEach(c -> c.indicators().forEach(i -> all.put(i.code(), i)));
        return all;
    }

    private static List<String> unitCodes() {
        return ClusterTwoSeed.members().stream().map(UnitRef::code).toList();
    }

    private List<SeedStep> steps(Class<?> type) {
        return history.stream().filter(s -> type.isInstance(s.command())).toList();
    }

    private <T> List<T> commands(Class<T> type) {
        return steps(type).stream().map(s -> type.cast(s.command())).toList();
    }

    private Map<String, BigDecimal> lastReport(String unit, String period) {
        Map<String, BigDecimal> last = null;
        for (SubmitReport r : commands(SubmitReport.class)) {
            if (r.unitCode().equals(unit) && r.periodCode().equals(period)) {
                last = r.values();
            }
        }
        assertThat(last).as(unit + "/" + period).isNotNull();
        return last;
    }

    /** Every String reachable through records, collections and maps (keys and values). */
    private static void collectStrings(Object o, List<String> out) {
        if (o == null) {
            return;
        }
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                collectStrings(k, out);
                collectStrings(v, out);
            });
        } else if (o instanceof Collection<?> c) {
            c.forEach(e -> collectStrings(e, out));
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    collectStrings(rc.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
