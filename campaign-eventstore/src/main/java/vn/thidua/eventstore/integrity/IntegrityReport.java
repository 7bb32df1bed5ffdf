package vn.thidua.eventstore.integrity;

/**
 * The result of walking the hash chain. {@code verified} when every link matches the event stored at its position;
 * {@code events} the links walked; {@code firstBroken} the first altered or missing event (null when intact);
 * {@code head} the last link's hash (write it down elsewhere: it anchors the whole chain); {@code unsealed} the
 * events stored but not sealed yet (normally the last moment's, see README "Integrity").
 */
public record IntegrityReport(boolean verified, long events, Broken firstBroken, String head, Long lastPosition,
                              Unsealed unsealed, String checkedAt) {

    /** The first link that does not hold: the position of its event, and why. */
    public record Broken(long position, String reason) {
    }

    public record Unsealed(long count, Long firstPosition) {
    }
}
