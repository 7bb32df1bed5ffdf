package vn.thidua.domain.commendation;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

public interface CommendationCommand extends TargetsStream {
    String commendationId();

    @Override
    default String streamId() {
        return StreamIds.commendation(commendationId());
    }
}
