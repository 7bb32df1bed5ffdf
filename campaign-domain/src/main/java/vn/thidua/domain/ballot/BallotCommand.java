package vn.thidua.domain.ballot;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

public interface BallotCommand extends TargetsStream {
    String ballotId();

    @Override
    default String streamId() {
        return StreamIds.ballot(ballotId());
    }
}
