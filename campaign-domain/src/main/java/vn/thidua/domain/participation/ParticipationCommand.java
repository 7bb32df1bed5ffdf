package vn.thidua.domain.participation;

import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.TargetsStream;

/** Every command on a unit's participation names its campaign and its unit; together they name the stream. */
public interface ParticipationCommand extends TargetsStream {
    String campaignId();

    String unitCode();

    @Override
    default String streamId() {
        return StreamIds.participation(campaignId(), unitCode());
    }
}
