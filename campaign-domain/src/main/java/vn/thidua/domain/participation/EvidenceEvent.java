package vn.thidua.domain.participation;

/** An event about one evidence file (minh chứng) of a participation: attached or withdrawn. */
public interface EvidenceEvent extends ParticipationEvent {
    String evidenceId();

    /** The period of the report the file belongs to. */
    String periodCode();

    /** The file's name, as attached. */
    String fileName();
}
