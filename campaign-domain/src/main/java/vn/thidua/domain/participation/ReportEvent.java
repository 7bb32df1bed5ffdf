package vn.thidua.domain.participation;

/** An event of a participation about one period's report: submitted, corrected, verified or rejected. */
public interface ReportEvent extends ParticipationEvent {
    String periodCode();
}
